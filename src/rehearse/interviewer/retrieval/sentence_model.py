"""Sentence encoders' forward pass in numpy: BERT (all-MiniLM-L6-v2) or MPNet
(all-mpnet-base-v2), mean pooling, L2 normalisation.

Reads a sentence-transformers model folder (``config.json``, ``model.safetensors``,
``tokenizer.json``, ``sentence_bert_config.json``, ``1_Pooling/config.json``) and computes what
sentence-transformers computes, in float32, without torch: cosine 0.9999 or more to its vectors
on stored corpora (tests/interviewer/retrieval).

The two architectures differ only in their embeddings and attention: BERT adds a token-type
embedding and counts positions from 0; MPNet counts them from 2 (after its padding id) and adds
to every layer's attention scores a learnt bias per head and bucket of relative distance.

A batch's texts are packed end to end, with no padding: the matrix products of every layer run
on all their tokens at once, and attention runs text by text, so no token attends to another
text and no mask is needed.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from safetensors.numpy import load_file
from tokenizers import Tokenizer

Array = npt.NDArray[np.float32]
Linear = tuple[Array, Array]  # (weight as inputs x outputs, bias), for ``x @ weight + bias``
Norm = tuple[Array, Array]  # LayerNorm's (gain, bias)

_SQRT_HALF = np.float32(1.0 / math.sqrt(2.0))


@dataclass(frozen=True)
class _Layer:
    qkv: Linear  # query, key and value side by side; the query pre-scaled by 1/√(head size)
    attention_out: Linear
    attention_norm: Norm
    intermediate: Linear  # pre-scaled by 1/√2, see ``_gelu``
    output: Linear  # weight pre-scaled by 1/√2, see ``_gelu``
    output_norm: Norm


@dataclass(frozen=True)
class _Names:
    """Where an architecture keeps each weight of layer ``{}``."""

    query: str
    key: str
    value: str
    attention_out: str
    attention_norm: str


_BERT = _Names(
    "{}.attention.self.query",
    "{}.attention.self.key",
    "{}.attention.self.value",
    "{}.attention.output.dense",
    "{}.attention.output.LayerNorm",
)
_MPNET = _Names(
    "{}.attention.attn.q",
    "{}.attention.attn.k",
    "{}.attention.attn.v",
    "{}.attention.attn.o",
    "{}.attention.LayerNorm",
)


class SentenceModel:
    """A BERT or MPNet sentence encoder with mean pooling, loaded from a sentence-transformers
    folder."""

    def __init__(self, folder: Path) -> None:
        config = _json(folder / "config.json")
        architecture = config.get("model_type")
        if config.get("hidden_act") != "gelu" or architecture not in ("bert", "mpnet"):
            raise ValueError(
                f"{folder}: only BERT or MPNet with the exact (erf) GELU is implemented"
            )
        if not _json(folder / "1_Pooling" / "config.json").get("pooling_mode_mean_tokens"):
            raise ValueError(f"{folder}: only mean pooling is implemented")
        self.dimensions: int = config["hidden_size"]
        self.heads: int = config["num_attention_heads"]
        self.eps = np.float32(config["layer_norm_eps"])
        mpnet = architecture == "mpnet"
        # MPNet's positions follow its padding id, as in RoBERTa: the first token's is 2.
        self.first_position = config["pad_token_id"] + 1 if mpnet else 0
        self.max_tokens: int = min(
            _json(folder / "sentence_bert_config.json")["max_seq_length"],
            config["max_position_embeddings"] - self.first_position,
        )

        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        # tokenizer.json may pad and truncate to another length; sentence-transformers truncates
        # to max_seq_length and needs no padding here.
        self.tokenizer.enable_truncation(self.max_tokens)
        self.tokenizer.no_padding()

        weights = load_file(folder / "model.safetensors")
        self.word_embeddings = weights["embeddings.word_embeddings.weight"]
        self.position_embeddings = weights["embeddings.position_embeddings.weight"]
        # Single texts only: every token is of type 0 (BERT; MPNet has no token types).
        self.token_type_embedding = (
            None if mpnet else weights["embeddings.token_type_embeddings.weight"][0]
        )
        self.embedding_norm = _norm(weights, "embeddings.LayerNorm")
        # Per head, the bias each bucket of relative distance adds to the scores (MPNet).
        self.relative_bias: Array | None = (
            np.ascontiguousarray(weights["encoder.relative_attention_bias.weight"].T)
            if mpnet
            else None
        )
        self.buckets: int = config.get("relative_attention_num_buckets", 0)
        names = _MPNET if mpnet else _BERT
        self.layers = [
            _layer(weights, f"encoder.layer.{i}", self.heads, names)
            for i in range(config["num_hidden_layers"])
        ]

    def embed(self, texts: Sequence[str], batch_size: int = 64) -> Array:
        """Unit-length sentence vectors, one row per text, in the texts' order."""
        vectors = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        if not texts:
            return vectors
        token_ids = [e.ids for e in self.tokenizer.encode_batch(list(texts))]
        # Texts of similar length together: each batch's attention blocks are alike in size.
        order = sorted(range(len(texts)), key=lambda i: len(token_ids[i]))
        for start in range(0, len(order), batch_size):
            rows = order[start : start + batch_size]
            vectors[rows] = self._forward([token_ids[i] for i in rows])
        return vectors

    def _forward(self, token_ids: Sequence[Sequence[int]]) -> Array:
        """The normalised, mean-pooled vectors of a few tokenised texts."""
        lengths = np.array([len(ids) for ids in token_ids])
        starts = np.concatenate([[0], np.cumsum(lengths)[:-1]])
        ids = np.concatenate([np.asarray(ids, dtype=np.int64) for ids in token_ids])
        positions = np.arange(len(ids)) - np.repeat(starts, lengths) + self.first_position
        x = self.word_embeddings[ids] + self.position_embeddings[positions]
        if self.token_type_embedding is not None:
            x += self.token_type_embedding
        x = self._layer_norm(x, self.embedding_norm)
        spans = [(int(s), int(s + n)) for s, n in zip(starts, lengths, strict=True)]
        biases = [self._position_bias(int(n)) for n in lengths]
        for layer in self.layers:
            context = self._attend(_dense(x, layer.qkv), spans, biases)
            attended = _dense(context, layer.attention_out)
            attended += x
            x = self._layer_norm(attended, layer.attention_norm)
            out = _dense(_gelu(_dense(x, layer.intermediate)), layer.output)
            out += x
            x = self._layer_norm(out, layer.output_norm)
        pooled: Array = np.add.reduceat(x, starts, axis=0)
        pooled /= lengths[:, None].astype(np.float32)
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        return pooled

    def _attend(
        self, qkv: Array, spans: Sequence[tuple[int, int]], biases: Sequence[Array | None]
    ) -> Array:
        """Multi-head self-attention within each text's ``(start, end)`` span of tokens, each
        text's scores shifted by its position bias, if any."""
        tokens, width = qkv.shape
        hidden = width // 3
        size = hidden // self.heads
        context = np.empty((tokens, hidden), dtype=np.float32)
        for (start, end), bias in zip(spans, biases, strict=True):
            n = end - start
            # Views of shape (heads, tokens, size); no copies.
            qkv_text = qkv[start:end].reshape(n, 3, self.heads, size)
            query, key, value = (qkv_text[:, j].transpose(1, 0, 2) for j in range(3))
            scores = query @ key.transpose(0, 2, 1)
            if bias is not None:
                scores += bias
            scores -= scores.max(axis=-1, keepdims=True)
            np.exp(scores, out=scores)
            scores /= scores.sum(axis=-1, keepdims=True)
            context[start:end].reshape(n, self.heads, size)[...] = (scores @ value).transpose(
                1, 0, 2
            )
        return context

    def _position_bias(self, n: int) -> Array | None:
        """MPNet's (heads, n, n) bias of a text of n tokens, the same in every layer."""
        if self.relative_bias is None:
            return None
        found: Array = self.relative_bias[:, relative_buckets(n, self.buckets)]
        return found

    def _layer_norm(self, x: Array, norm: Norm) -> Array:
        """LayerNorm over each row, in place."""
        gain, bias = norm
        x -= x.mean(axis=1, keepdims=True)
        variance = np.einsum("ij,ij->i", x, x)[:, None] / np.float32(x.shape[1])
        x *= 1.0 / np.sqrt(variance + self.eps)
        x *= gain
        x += bias
        return x


def relative_buckets(n: int, buckets: int = 32, max_distance: int = 128) -> npt.NDArray[np.int64]:
    """MPNet's (n, n) buckets of the distance from each token (row) to each other (column), as
    T5 and Hugging Face's MPNet count them: half the buckets for tokens before, half for after;
    in each, distances under 8 exactly, longer ones logarithmically up to ``max_distance``."""
    half = buckets // 2
    exact = half // 2
    offset = np.arange(n)[:, None] - np.arange(n)[None, :]  # row minus column
    found = (offset < 0).astype(np.int64) * half
    distance = np.abs(offset)
    far = exact + (
        np.log(np.maximum(distance, 1) / exact) / math.log(max_distance / exact) * (half - exact)
    ).astype(np.int64)
    found += np.where(distance < exact, distance, np.minimum(far, half - 1))
    return found


def _dense(x: Array, linear: Linear) -> Array:
    weight, bias = linear
    out = x @ weight
    out += bias
    return out


def _gelu(z: Array) -> Array:
    """BERT's exact GELU, x Φ(x) = x (1 + erf(x/√2)) / 2, of x = √2 z, times √2, in place.

    With z = x/√2 that is z (1 + erf(z)): the two 1/√2 factors live in the weights of the
    layers before and after, which saves two passes over the largest array of the model.
    """
    product = erf(z)
    product *= z
    z += product
    return z


# erf's float32 rational approximation from Eigen (XLA and TVM use it too): x P(x²) / Q(x²) on
# [-4, 4], beyond which erf is ±1 in float32; within 5e-7 of erf, about the rounding of float32
# itself. scipy.special.erf works in double precision and costs about 20 ns a number, longer
# than all the matrix products of the model together.
_ERF_P = [
    np.float32(c)
    for c in (
        -2.72614225801306e-10,
        2.77068142495902e-08,
        -2.10102402082508e-06,
        -5.69250639462346e-05,
        -7.34990630326855e-04,
        -2.95459980854025e-03,
        -1.60960333262415e-02,
    )
]
_ERF_Q = [
    np.float32(c)
    for c in (
        -1.45660718464996e-05,
        -2.13374055278905e-04,
        -1.68282697438203e-03,
        -7.37332916720468e-03,
        -1.42647390514189e-02,
    )
]
_CHUNK = 16_384  # numbers at a time (64 KB): the dozen passes of ``erf`` stay in the CPU cache


def erf(x: Array) -> Array:
    """The error function of float32 numbers, within 5e-7."""
    out = np.empty_like(x)
    flat_x, flat_out = x.reshape(-1), out.reshape(-1)
    for start in range(0, flat_x.size, _CHUNK):
        z = np.clip(flat_x[start : start + _CHUNK], -4.0, 4.0)
        square = z * z
        p = square * _ERF_P[0]
        for c in _ERF_P[1:-1]:
            p += c
            p *= square
        p += _ERF_P[-1]
        p *= z
        q = square * _ERF_Q[0]
        for c in _ERF_Q[1:-1]:
            q += c
            q *= square
        q += _ERF_Q[-1]
        np.divide(p, q, out=flat_out[start : start + _CHUNK])
    return out


def _json(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return loaded


def _norm(weights: dict[str, npt.NDArray[Any]], prefix: str) -> Norm:
    return weights[f"{prefix}.weight"], weights[f"{prefix}.bias"]


def _linear(
    weights: dict[str, npt.NDArray[Any]], prefix: str, scale: float = 1.0, *, bias: bool = True
) -> Linear:
    """A torch ``Linear`` (weight as outputs x inputs) as a contiguous (inputs, outputs) matrix,
    times ``scale``, and its bias, times ``scale`` too unless ``bias`` is false."""
    factor = np.float32(scale)
    weight = np.ascontiguousarray(weights[f"{prefix}.weight"].T * factor)
    return weight, weights[f"{prefix}.bias"] * (factor if bias else np.float32(1.0))


def _layer(weights: dict[str, npt.NDArray[Any]], prefix: str, heads: int, names: _Names) -> _Layer:
    hidden = weights[f"{names.query.format(prefix)}.bias"].shape[0]
    # The scores are q·k / √(head size): the query projection takes the 1/√(head size).
    query = _linear(weights, names.query.format(prefix), 1.0 / math.sqrt(hidden // heads))
    key = _linear(weights, names.key.format(prefix))
    value = _linear(weights, names.value.format(prefix))
    return _Layer(
        qkv=(
            np.ascontiguousarray(np.concatenate([query[0], key[0], value[0]], axis=1)),
            np.concatenate([query[1], key[1], value[1]]),
        ),
        attention_out=_linear(weights, names.attention_out.format(prefix)),
        attention_norm=_norm(weights, names.attention_norm.format(prefix)),
        intermediate=_linear(weights, f"{prefix}.intermediate.dense", float(_SQRT_HALF)),
        output=_linear(weights, f"{prefix}.output.dense", float(_SQRT_HALF), bias=False),
        output_norm=_norm(weights, f"{prefix}.output.LayerNorm"),
    )

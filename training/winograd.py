"""Rewrite an exported U-Net's 3x3 stride-1 convolutions as Winograd F(2x2, 3x3), for onnxruntime-web wasm.

  /usr/bin/python3 -m training.winograd IN.onnx OUT.onnx [--min-channels 64] [--max-size 16]

Why: on wasm (SIMD128, no FMA) a U-Net step is bound by its 3x3 convolutions' multiply-adds, which native
onnxruntime runs several times faster (AVX2/AVX-512 FMA). Winograd F(2x2, 3x3) computes each 2x2 output tile
from a 4x4 input tile with 16 products per (input, output) channel pair instead of 36: 2.25x fewer
multiply-adds in the GEMM, for two small linear transforms (input tiles and output tiles). Measured on
glyffuser-mini (bench/README.md, `npm run bench:web-gap -- Winograd`): no faster on wasm, the tile
rearrangements and small GEMMs eating the saving, and 2.4x slower on native; so the shipped file does not
use it. Kept as the experiment's tool.

The weights are not changed: each rewritten convolution keeps its initializer (fp16 + Cast, as exported), and
the transformed filter U = G g G^T is computed in the graph from it with constant inputs only, so onnxruntime
folds it once when the session is created. The function is the same up to float32 rounding.

Per rewritten Conv (X [B, C, S, S] -> Y [B, K, S, S], S even, T = S/2 tiles a side):
  Z = SpaceToDepth(Pad(X, 1), 2) [B, 4C, T+1, T+1]; the 4x4 tiles (stride 2) are its four shifts by 0/1
  block, concatenated -> [B, 16, C*T*T];  V = (B^T (x) B^T) @ tiles -> [B, 16, C, T*T];
  M = U @ V ([16, K, C] @ [B, 16, C, T*T]) -> [B, 16, K*T*T];  (A^T (x) A^T) @ M -> [B, 4K, T, T];
  Y = DepthToSpace(., 2) [B, K, S, S] (+ bias). No transposes beyond the two block rearrangements.
"""
import argparse
import sys

import numpy as np
import onnx
from onnx import helper, numpy_helper, shape_inference, TensorProto

BT = np.array([[1, 0, -1, 0], [0, 1, 1, 0], [0, -1, 1, 0], [0, 1, 0, -1]], dtype=np.float32)
G = np.array([[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]], dtype=np.float32)
AT = np.array([[1, 1, 1, 0], [0, 1, -1, -1]], dtype=np.float32)


def _attr(node, name, default=None):
    for a in node.attribute:
        if a.name == name:
            return helper.get_attribute_value(a)
    return default


def _shapes(model):
    """Static shapes of the tensors, inferred with the batch fixed (data propagation follows Reshape chains)."""
    fixed = onnx.ModelProto()
    fixed.CopyFrom(model)
    for i in fixed.graph.input:
        dims = i.type.tensor_type.shape.dim
        if dims and not dims[0].HasField("dim_value"):
            dims[0].dim_value = 2
    inferred = shape_inference.infer_shapes(fixed, data_prop=True)
    out = {}
    for vi in list(inferred.graph.value_info) + list(inferred.graph.input) + list(inferred.graph.output):
        dims = vi.type.tensor_type.shape.dim
        out[vi.name] = [d.dim_value if d.HasField("dim_value") else None for d in dims]
    return out


def _weight_shape(graph, name):
    """The [K, C, kh, kw] shape of a conv weight: an initializer, or the Cast of one."""
    inits = {i.name: i for i in graph.initializer}
    if name in inits:
        return list(inits[name].dims)
    for n in graph.node:
        if name in n.output and n.op_type == "Cast" and n.input[0] in inits:
            return list(inits[n.input[0]].dims)
    return None


def eligible(node, graph, shapes, min_channels, max_size):
    if node.op_type != "Conv" or len(node.input) < 2:
        return None
    if _attr(node, "kernel_shape") != [3, 3] or _attr(node, "strides", [1, 1]) != [1, 1]:
        return None
    if _attr(node, "pads") != [1, 1, 1, 1] or _attr(node, "group", 1) != 1 or _attr(node, "dilations", [1, 1]) != [1, 1]:
        return None
    w = _weight_shape(graph, node.input[1])
    x = shapes.get(node.input[0])
    if not w or not x or len(x) != 4 or x[2] is None or x[2] != x[3] or x[2] % 2:
        return None
    k, c = w[0], w[1]
    if min(k, c) < min_channels or x[2] > max_size:
        return None
    return {"K": k, "C": c, "S": x[2]}


def rewrite(model, min_channels=64, max_size=16, batch_gemm_below=0):
    """Rewrites the eligible convolutions in place; returns their names."""
    graph = model.graph
    shapes = _shapes(model)
    consts = {}

    def const(name, array):
        if name not in consts:
            consts[name] = numpy_helper.from_array(np.asarray(array), name)
            graph.initializer.append(consts[name])
        return name

    # input transform on the tile's 16 values in the order the block shifts give them: (a, b, bh, bw) for
    # the tile's row 2a + bh and column 2b + bw
    kron = np.kron(BT, BT)
    order = [(2 * a + bh) * 4 + (2 * b + bw) for a in (0, 1) for b in (0, 1) for bh in (0, 1) for bw in (0, 1)]
    bb = const("winograd/BTxBT", kron[:, order].astype(np.float32))  # [16, 16]
    aa = const("winograd/ATxAT", np.kron(AT, AT).astype(np.float32))  # [4, 16]
    g = const("winograd/G", G)
    gt = const("winograd/GT", G.T.copy())
    pads = const("winograd/pads", np.array([0, 0, 1, 1, 0, 0, 1, 1], dtype=np.int64))
    i64 = lambda name, v: const(name, np.array(v, dtype=np.int64))

    done = []
    new_nodes = []
    for node in graph.node:
        info = eligible(node, graph, shapes, min_channels, max_size)
        if not info:
            new_nodes.append(node)
            continue
        K, C, S = info["K"], info["C"], info["S"]
        T = S // 2
        p = (node.name or node.output[0]).strip("/").replace("/", ".") + ".wg"
        n = lambda op, ins, outs=None, **kw: new_nodes.append(
            helper.make_node(op, ins, outs or [f"{p}/{op}_{len(new_nodes)}"], name=f"{p}/{op}_{len(new_nodes)}", **kw)
        ) or new_nodes[-1].output[0]
        x, w = node.input[0], node.input[1]
        # filter transform, constant-folded by onnxruntime: U = G g G^T -> [16, K, C]
        w3 = n("Reshape", [w, i64(f"winograd/shape_{K * C}_3_3", [K * C, 3, 3])])
        u = n("MatMul", [n("MatMul", [g, w3]), gt])  # [K*C, 4, 4]
        u = n("Transpose", [n("Reshape", [u, i64(f"winograd/shape_{K}_{C}_16", [K, C, 16])])], perm=[2, 0, 1])
        # input tiles: 2x2 blocks of the padded input as channels, then the four block shifts of each 4x4 tile
        z = n("SpaceToDepth", [n("Pad", [x, pads])], blocksize=2)  # [B, 4C, T+1, T+1]
        shifts = [n("Slice", [z, i64(f"winograd/start_{a}{b}", [a, b]), i64(f"winograd/end_{a}{b}_{T}", [a + T, b + T]), i64("winograd/ax23", [2, 3])])
                  for a in (0, 1) for b in (0, 1)]
        d = n("Reshape", [n("Concat", shifts, axis=1), i64(f"winograd/in_{C}_{T}", [-1, 16, C * T * T])])  # [B, 16, C*T*T]
        v = n("Reshape", [n("MatMul", [bb, d]), i64(f"winograd/v_{C}_{T}", [-1, 16, C, T * T])])  # [B, 16, C, T*T]
        if T * T >= batch_gemm_below:
            m = n("Reshape", [n("MatMul", [u, v]), i64(f"winograd/m_{K}_{T}", [-1, 16, K * T * T])])  # [B, 16, K*T*T]
            y = n("Reshape", [n("MatMul", [aa, m]), i64(f"winograd/y_{K}_{T}", [-1, 4 * K, T, T])])  # [B, 4K, T, T]
        else:
            # few tiles per image: one GEMM per tile position over the whole batch, N = B*T*T
            v = n("Reshape", [n("Transpose", [v], perm=[1, 2, 0, 3]), i64(f"winograd/vb_{C}", [16, C, -1])])  # [16, C, B*T*T]
            m = n("Reshape", [n("MatMul", [u, v]), i64("winograd/16_m1", [16, -1])])  # [16, K*B*T*T]
            y = n("Reshape", [n("MatMul", [aa, m]), i64(f"winograd/yb_{K}_{T}", [4, K, -1, T * T])])  # [4, K, B, T*T]
            y = n("Reshape", [n("Transpose", [y], perm=[2, 0, 1, 3]), i64(f"winograd/y_{K}_{T}", [-1, 4 * K, T, T])])
        if len(node.input) > 2 and node.input[2]:
            y = n("DepthToSpace", [y], blocksize=2, mode="DCR")
            bias = n("Reshape", [node.input[2], i64(f"winograd/bias_{K}", [1, K, 1, 1])])
            n("Add", [y, bias], [node.output[0]])
        else:
            n("DepthToSpace", [y], [node.output[0]], blocksize=2, mode="DCR")
        done.append(node.name)
    del graph.node[:]
    graph.node.extend(new_nodes)
    return done


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("src")
    ap.add_argument("dst")
    ap.add_argument("--min-channels", type=int, default=64, help="rewrite only convs with at least this many input and output channels")
    ap.add_argument("--max-size", type=int, default=16, help="rewrite only convs on feature maps at most this many pixels a side")
    ap.add_argument("--batch-gemm-below", type=int, default=0, help="with fewer tiles than this per image, one GEMM per tile position over the batch (two transposes)")
    a = ap.parse_args(argv)
    model = onnx.load(a.src)
    done = rewrite(model, a.min_channels, a.max_size, a.batch_gemm_below)
    onnx.checker.check_model(model)
    onnx.save(model, a.dst)
    print(f"{len(done)} convolutions rewritten as Winograd F(2x2, 3x3): {', '.join(done)}", file=sys.stderr)


if __name__ == "__main__":
    main()

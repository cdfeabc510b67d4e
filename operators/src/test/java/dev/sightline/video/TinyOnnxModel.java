package dev.sightline.video;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes a tiny ONNX model by hand (protobuf wire format, no ONNX tooling): it takes an image
 * tensor {@code [1, 3, size, size]} and always answers the given YOLO-style rows
 * {@code [1, boxes, 5 + classes]} (plus 0 times the image mean, so the input is used).
 */
public final class TinyOnnxModel {

    private TinyOnnxModel() {}

    public static byte[] constantDetections(int size, float[][] rows) {
        int boxes = rows.length;
        int width = rows[0].length;
        float[] flat = new float[boxes * width];
        for (int b = 0; b < boxes; b++) {
            System.arraycopy(rows[b], 0, flat, b * width, width);
        }
        Proto graph = new Proto()
                .message(1, constantNode("det", tensor(new long[] {1, boxes, width}, flat)))
                .message(1, constantNode("zero", tensor(new long[] {}, new float[] {0})))
                .message(1, node("ReduceMean", new String[] {"images"}, "mean",
                        new Proto().string(1, "keepdims").varint(3, 0).varint(20, 2)))
                .message(1, node("Mul", new String[] {"mean", "zero"}, "nothing", null))
                .message(1, node("Add", new String[] {"det", "nothing"}, "output", null))
                .string(2, "tiny-detector")
                .message(11, valueInfo("images", new long[] {1, 3, size, size}))
                .message(12, valueInfo("output", new long[] {1, boxes, width}));
        return new Proto()
                .varint(1, 8) // ir_version
                .message(8, new Proto().string(1, "").varint(2, 13)) // opset_import: ai.onnx 13
                .message(7, graph)
                .bytes();
    }

    private static Proto constantNode(String output, Proto tensor) {
        return node("Constant", new String[0], output, new Proto().string(1, "value").message(5, tensor).varint(20, 4));
    }

    private static Proto node(String op, String[] inputs, String output, Proto attribute) {
        Proto node = new Proto();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output + "-node").string(4, op);
        if (attribute != null) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Proto tensor(long[] dims, float[] values) {
        Proto tensor = new Proto();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor.varint(2, 1).raw(9, raw.array()); // data_type FLOAT, raw_data
    }

    private static Proto valueInfo(String name, long[] dims) {
        Proto shape = new Proto();
        for (long d : dims) {
            shape.message(1, new Proto().varint(1, d));
        }
        Proto tensorType = new Proto().varint(1, 1).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A protobuf message being written. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            key(field, 0);
            writeVarint(value);
            return this;
        }

        Proto string(int field, String value) {
            return raw(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return raw(field, message.bytes());
        }

        Proto raw(int field, byte[] bytes) {
            key(field, 2);
            writeVarint(bytes.length);
            out.writeBytes(bytes);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void key(int field, int wireType) {
            writeVarint(((long) field << 3) | wireType);
        }

        private void writeVarint(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}

package org.shiori.kiosk.card;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One Linux {@code struct input_event}, little-endian: {@code struct timeval} (two longs: 16 bytes
 * on 64-bit, 8 bytes on 32-bit Raspberry Pi OS), then {@code __u16 type}, {@code __u16 code},
 * {@code __s32 value}: 24 bytes in all on 64-bit, 16 on 32-bit.
 *
 * @param type event type ({@link #EV_KEY} for keys)
 * @param code key code ({@code KEY_1} = 2 ...)
 * @param value 1 pressed, 0 released, 2 auto-repeat
 */
public record InputEvent(int type, int code, int value) {
  public static final int EV_KEY = 1;
  public static final int PRESSED = 1;

  /** Decodes one record of {@code size} bytes (24 or 16) at {@code offset}. */
  public static InputEvent decode(byte[] buf, int offset, int size) {
    if (size != 24 && size != 16) {
      throw new IllegalArgumentException("input_event is 24 or 16 bytes, not " + size);
    }
    ByteBuffer b = ByteBuffer.wrap(buf, offset, size).order(ByteOrder.LITTLE_ENDIAN);
    b.position(offset + size - 8);
    int type = Short.toUnsignedInt(b.getShort());
    int code = Short.toUnsignedInt(b.getShort());
    return new InputEvent(type, code, b.getInt());
  }

  /** Encodes as {@code size} bytes with a zero timestamp (for emulated scanners in tests). */
  public byte[] encode(int size) {
    ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    b.position(size - 8);
    b.putShort((short) type).putShort((short) code).putInt(value);
    return b.array();
  }

  public boolean keyPressed() {
    return type == EV_KEY && value == PRESSED;
  }
}

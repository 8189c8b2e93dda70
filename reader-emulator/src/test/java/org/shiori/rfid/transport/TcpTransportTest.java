package org.shiori.rfid.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.shiori.emulator.FeigReaderEmulator;
import org.shiori.emulator.TagField;
import org.shiori.emulator.VirtualTag;
import org.shiori.rfid.reader.InventoryEntry;
import org.shiori.rfid.reader.feig.FeigReader;
import org.shiori.rfid.tag.TagUid;

@Timeout(30)
class TcpTransportTest {
  @Test
  void feigOverTcp() throws Exception {
    TagUid uid = TagUid.fromHex("E004010012345678");
    TagField field = new TagField();
    field.put(VirtualTag.slix(uid));
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      TcpTransport client =
          new TcpTransport("127.0.0.1", server.getLocalPort(), Duration.ofSeconds(5));
      Socket accepted = server.accept();
      try (FeigReaderEmulator emu =
              new FeigReaderEmulator(new TcpTransport(accepted), field, 0).start();
          FeigReader reader = new FeigReader(client, 0xFF, Duration.ofSeconds(3))) {
        assertThat(reader.inventory(OptionalInt.empty()))
            .extracting(InventoryEntry::uid)
            .containsExactly(uid);
        assertThat(emu.requestsServed()).isEqualTo(1);
      }
    }
  }
}

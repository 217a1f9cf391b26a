package dev.trinity.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisServerProcessIT {
  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  @Test
  void answersOnItsPortAndComesBackOnTheSamePortAfterAKill() throws IOException {
    assertThat(send(redis.port(), "PING")).startsWith("+PONG");
    int port = redis.port();

    redis.kill();
    assertThat(send(port, "PING")).isEqualTo("refused");
    redis.start();

    assertThat(redis.port()).isEqualTo(port);
    assertThat(send(port, "PING")).startsWith("+PONG");
  }

  @Test
  void aServerWithAPasswordWantsAuthAndCanBeRestartedAfterClose() throws IOException {
    try (RedisServerProcess locked = RedisServerProcess.withPassword("s3cret")) {
      locked.start();
      assertThat(send(locked.port(), "PING")).startsWith("-NOAUTH");
      assertThat(send(locked.port(), "AUTH s3cret")).startsWith("+OK");
      locked.close();
      locked.start();
      assertThat(send(locked.port(), "PING")).startsWith("-NOAUTH");
    }
  }

  private static String send(int port, String command) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      socket.setSoTimeout(2000);
      OutputStream out = socket.getOutputStream();
      out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int n = in.read(reply);
      return n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      return "refused";
    }
  }
}

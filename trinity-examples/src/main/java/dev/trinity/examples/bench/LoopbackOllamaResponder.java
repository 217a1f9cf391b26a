package dev.trinity.examples.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark infrastructure for the zero-latency case only: a minimal HTTP/1.1 keep-alive responder
 * on loopback that answers every {@code POST /api/chat} with the same Ollama chat answer and every
 * {@code POST /api/generate} with the same generate answer, without parsing the request body.
 *
 * <p>One thread per connection reads the request line, the headers and exactly {@code
 * Content-Length} bytes of body, and writes a precomputed response in one write with {@code
 * TCP_NODELAY}. No dispatcher thread, no executor hand-off, no JSON work: the server's share of a
 * round trip is as small and as steady as a server's can be, so that differences between two
 * clients are not buried under the server's own noise. The JDK's {@code HttpServer} (used by {@link
 * SimulatedOllamaServer}) adds an accept/dispatch thread hop and a worker hop per exchange, which
 * on a 2-core machine competes with the client for the CPU.
 *
 * <p>It is not a general HTTP server: no chunked request bodies, no {@code Expect: 100-continue},
 * no pipelining beyond what a sequential keep-alive client does. Anything else is answered 501.
 */
public final class LoopbackOllamaResponder implements AutoCloseable {
  private final ServerSocket socket;
  private final Thread acceptor;
  private final byte[] chat;
  private final byte[] generate;
  private final byte[] notImplemented;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile boolean closed;

  private LoopbackOllamaResponder(String model, String answer) throws IOException {
    String escaped = jsonString(answer);
    String common = "\"model\":" + jsonString(model) + ",\"created_at\":\"2026-01-01T00:00:00Z\",";
    String usage =
        ",\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":4,\"eval_count\":"
            + Math.max(1, answer.length() / 4)
            + "}";
    this.chat =
        response(
            200,
            "{"
                + common
                + "\"message\":{\"role\":\"assistant\",\"content\":"
                + escaped
                + "}"
                + usage);
    this.generate = response(200, "{" + common + "\"response\":" + escaped + usage);
    this.notImplemented = response(501, "{\"error\":\"not supported by this responder\"}");
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    this.acceptor = new Thread(this::acceptLoop, "loopback-responder-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /**
   * Starts a responder.
   *
   * @param model the model name the answers carry
   * @param answer the answer text of every request
   * @return the running responder
   * @throws IOException when the port cannot be bound
   */
  public static LoopbackOllamaResponder start(String model, String answer) throws IOException {
    return new LoopbackOllamaResponder(model, answer);
  }

  /** The base URL to configure as {@code llm.base_url}. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + socket.getLocalPort());
  }

  /** Requests answered so far. */
  public int requests() {
    return requests.get();
  }

  /** Connections accepted so far: one per client when keep-alive works. */
  public int connections() {
    return connections.get();
  }

  private void acceptLoop() {
    int n = 0;
    while (!closed) {
      Socket s;
      try {
        s = socket.accept();
      } catch (IOException e) {
        return; // closed
      }
      open.add(s);
      connections.incrementAndGet();
      Thread t = new Thread(() -> serve(s), "loopback-responder-" + ++n);
      t.setDaemon(true);
      t.start();
    }
  }

  private void serve(Socket s) {
    try (s) {
      s.setTcpNoDelay(true);
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = s.getOutputStream();
      StringBuilder line = new StringBuilder(128);
      while (!closed) {
        String requestLine = readLine(in, line);
        if (requestLine == null) {
          return; // the client closed the connection
        }
        if (requestLine.isEmpty()) {
          continue;
        }
        long length = 0;
        boolean unsupported = false;
        String header;
        while ((header = readLine(in, line)) != null && !header.isEmpty()) {
          int colon = header.indexOf(':');
          if (colon < 0) {
            continue;
          }
          String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
          String value = header.substring(colon + 1).trim();
          if (name.equals("content-length")) {
            length = Long.parseLong(value);
          } else if (name.equals("transfer-encoding") || name.equals("expect")) {
            unsupported = true;
          }
        }
        if (header == null) {
          return;
        }
        in.skipNBytes(length);
        requests.incrementAndGet();
        byte[] answer;
        if (unsupported || !requestLine.startsWith("POST ")) {
          answer = notImplemented;
        } else if (requestLine.startsWith("POST /api/chat ")) {
          answer = chat;
        } else if (requestLine.startsWith("POST /api/generate ")) {
          answer = generate;
        } else {
          answer = notImplemented;
        }
        out.write(answer);
        out.flush();
        if (answer == notImplemented) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away; nothing to do
    } finally {
      open.remove(s);
    }
  }

  /** Reads one CRLF-terminated line as ISO-8859-1; null at end of stream. */
  private static String readLine(InputStream in, StringBuilder buf) throws IOException {
    buf.setLength(0);
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        int end = buf.length();
        if (end > 0 && buf.charAt(end - 1) == '\r') {
          buf.setLength(end - 1);
        }
        return buf.toString();
      }
      buf.append((char) c);
    }
    return buf.length() == 0 ? null : buf.toString();
  }

  private static byte[] response(int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + (status == 200 ? " OK" : " Not Implemented")
            + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
            + body.length
            + "\r\n"
            + (status == 200 ? "" : "Connection: close\r\n")
            + "\r\n";
    byte[] h = head.getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[h.length + body.length];
    System.arraycopy(h, 0, all, 0, h.length);
    System.arraycopy(body, 0, all, h.length, body.length);
    return all;
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
  }
}

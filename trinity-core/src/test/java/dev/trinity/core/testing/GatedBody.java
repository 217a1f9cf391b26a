package dev.trinity.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.SocketEffect;
import okio.BufferedSink;

/**
 * A streamed response body that writes its first lines, then holds the rest until the test opens
 * the gate (or 10 s pass): a model that pauses mid-answer, without a sleeping test.
 */
public final class GatedBody implements MockResponseBody {
  private final List<String> before;
  private final List<String> after;
  private final boolean cut;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch firstWritten = new CountDownLatch(1);

  /**
   * Creates the body.
   *
   * @param before lines written at once (each followed by a newline)
   * @param after lines written once the gate opens
   */
  public GatedBody(List<String> before, List<String> after) {
    this(before, after, false);
  }

  private GatedBody(List<String> before, List<String> after, boolean cut) {
    this.before = before;
    this.after = after;
    this.cut = cut;
  }

  /**
   * A body that writes its first lines, and when the gate opens drops the connection mid-body.
   *
   * @param before lines written at once
   * @return the body
   */
  public static GatedBody cutAfter(List<String> before) {
    return new GatedBody(before, List.of(), true);
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (String line : before) {
      write(sink, line + "\n");
    }
    firstWritten.countDown();
    try {
      gate.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (cut) {
      // a chunk announced and never finished: the connection ends mid-body
      sink.write("100\r\n".getBytes(StandardCharsets.UTF_8));
      sink.flush();
      return;
    }
    for (String line : after) {
      sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      sink.flush();
    }
  }

  /** The response carrying this body, framed as a cut body needs. */
  public MockResponse response() {
    MockResponse.Builder b = new MockResponse.Builder().code(200).body(this);
    if (cut) {
      b.addHeader("Transfer-Encoding", "chunked").onResponseEnd(new SocketEffect.CloseSocket());
    }
    return b.build();
  }

  private void write(BufferedSink sink, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (cut) {
      sink.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.UTF_8));
      sink.write(bytes);
      sink.write("\r\n".getBytes(StandardCharsets.UTF_8));
    } else {
      sink.write(bytes);
    }
    sink.flush();
  }

  /** Lets the rest of the body go. */
  public void open() {
    gate.countDown();
  }

  /** Waits until the first lines were written. */
  public void awaitFirstLines() throws InterruptedException {
    if (!firstWritten.await(10, TimeUnit.SECONDS)) {
      throw new AssertionError("the first lines were never written");
    }
  }
}

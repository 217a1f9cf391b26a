package dev.trinity.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/**
 * A streamed response body that writes its first lines, then holds the rest until the test opens
 * the gate (or 10 s pass): a model that pauses mid-answer, without a sleeping test.
 */
public final class GatedBody implements MockResponseBody {
  private final List<String> before;
  private final List<String> after;
  private final CountDownLatch gate = new CountDownLatch(1);
  private final CountDownLatch firstWritten = new CountDownLatch(1);

  /**
   * Creates the body.
   *
   * @param before lines written at once (each followed by a newline)
   * @param after lines written once the gate opens
   */
  public GatedBody(List<String> before, List<String> after) {
    this.before = before;
    this.after = after;
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    for (String line : before) {
      sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      sink.flush();
    }
    firstWritten.countDown();
    try {
      gate.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    for (String line : after) {
      sink.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      sink.flush();
    }
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

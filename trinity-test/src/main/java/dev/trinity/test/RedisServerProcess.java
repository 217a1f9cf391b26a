package dev.trinity.test;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} process on a free port, for integration tests. Register it as a
 * static extension: it starts before the class's tests and is killed after them.
 *
 * <pre>{@code
 * @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();
 * }</pre>
 *
 * When {@code redis-server} is not on the {@code PATH}, the tests are skipped with the reason,
 * unless the environment sets {@code TRINITY_REQUIRE_REDIS=1}, which makes them fail instead. Tests
 * can {@link #kill()} the server and {@link #start()} it again on the same port. Outside the
 * extension mechanism, {@link #start()} it and {@link #close()} it by hand.
 */
public final class RedisServerProcess
    implements ExecutionCondition, BeforeAllCallback, AfterAllCallback, AutoCloseable {
  private static final String REQUIRE = "TRINITY_REQUIRE_REDIS";
  private static final String MISSING = "redis-server is not on the PATH";

  private final List<String> extraArgs;
  private final int port;
  private Path workDir;
  private Process process;

  private RedisServerProcess(List<String> extraArgs) {
    this.extraArgs = List.copyOf(extraArgs);
    this.port = freePort();
  }

  /**
   * A server without a password, on a free port; not started.
   *
   * @return the server
   * @throws IllegalStateException if no free port can be found
   */
  public static RedisServerProcess create() {
    return new RedisServerProcess(List.of());
  }

  /**
   * A server that requires {@code AUTH password}, on a free port; not started.
   *
   * @param password the password clients must send
   * @return the server
   * @throws NullPointerException if {@code password} is null
   * @throws IllegalArgumentException if {@code password} is empty
   * @throws IllegalStateException if no free port can be found
   */
  public static RedisServerProcess withPassword(String password) {
    java.util.Objects.requireNonNull(password, "password");
    if (password.isEmpty()) {
      throw new IllegalArgumentException("password must not be empty (use create() for none)");
    }
    return new RedisServerProcess(List.of("--requirepass", password));
  }

  /**
   * The port the server listens on (on 127.0.0.1); the same across {@link #kill()} and {@link
   * #start()}.
   *
   * @return the port
   */
  public int port() {
    return port;
  }

  /**
   * Skips the tests, with the reason, when redis-server is missing and not required.
   *
   * @param context the test's context
   * @return enabled, or disabled with the reason
   */
  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    if (findRedisServer().isPresent() || required()) {
      return ConditionEvaluationResult.enabled("redis-server found, or required");
    }
    String reason =
        MISSING
            + ": Redis integration tests skipped (install redis-server, or set "
            + REQUIRE
            + "=1 to make its absence an error)";
    System.err.println(context.getDisplayName() + ": " + reason);
    return ConditionEvaluationResult.disabled(reason);
  }

  /**
   * Starts the server before the class's tests.
   *
   * @param context the test class's context
   * @throws IOException if the server cannot be started
   */
  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    start();
  }

  /**
   * Kills the server after the class's tests.
   *
   * @param context the test class's context
   * @throws IOException if its working directory cannot be deleted
   */
  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    close();
  }

  /**
   * Kills the server and deletes its working directory.
   *
   * @throws IOException if the working directory cannot be deleted
   */
  @Override
  public synchronized void close() throws IOException {
    kill();
    if (workDir != null) {
      try (var files = Files.walk(workDir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
      workDir = null;
    }
  }

  /**
   * Starts the server on its port and waits (up to 20 s) until it answers PING.
   *
   * @throws IOException if the process or its working directory cannot be created
   * @throws AssertionError if redis-server is not on the PATH
   * @throws RuntimeException (Awaitility's) if it exits, or does not answer within 20 s
   */
  public synchronized void start() throws IOException {
    Path executable =
        findRedisServer()
            .orElseThrow(
                () -> new AssertionError(MISSING + (required() ? " and " + REQUIRE + "=1" : "")));
    if (workDir == null) {
      workDir = Files.createTempDirectory("trinity-redis-");
    }
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(
        List.of(
            "--port", Integer.toString(port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", workDir.toString()));
    command.addAll(extraArgs);
    Path log = workDir.resolve("redis.log");
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    Process started = process;
    await("redis-server answering PING on port " + port)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .failFast("redis-server exited; see " + log, () -> !started.isAlive())
        .until(this::answersPing);
  }

  /** Kills the server with SIGKILL and waits until it is gone. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    process.destroyForcibly();
    try {
      process.waitFor(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process = null;
  }

  /** PING over a raw socket; a server that wants a password answers NOAUTH, which is alive too. */
  private boolean answersPing() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
      socket.setSoTimeout(1000);
      OutputStream out = socket.getOutputStream();
      out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = new byte[64];
      int n = in.read(reply);
      String text = n <= 0 ? "" : new String(reply, 0, n, StandardCharsets.US_ASCII);
      return text.startsWith("+PONG") || text.startsWith("-NOAUTH");
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean required() {
    return "1".equals(System.getenv(REQUIRE));
  }

  private static Optional<Path> findRedisServer() {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, "redis-server");
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException("no free port", e);
    }
  }
}

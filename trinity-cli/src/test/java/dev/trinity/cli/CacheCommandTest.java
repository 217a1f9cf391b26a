package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class CacheCommandTest {
  @TempDir Path dir;

  private void buildOne() throws Exception {
    Path file = dir.resolve("ada.md");
    Files.writeString(file, BuildCommandTest.PORTFOLIO);
    Cli.Result r =
        Cli.in(dir)
            .run(
                "build",
                file.toString(),
                "--json-only",
                "--provider",
                "offline",
                "--out",
                dir.resolve("out").toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void statsShowTheEntriesABuildStoredOnDisk() throws Exception {
    Cli.Result empty = Cli.in(dir).run("cache", "stats");
    buildOne();

    Cli.Result after = Cli.in(dir).run("cache", "stats");

    assertThat(empty.exitCode()).isZero();
    assertThat(line(empty.out(), "filesystem")).contains(" ok ").containsPattern(" 0 +0 B ");
    assertThat(after.exitCode()).isZero();
    assertThat(line(after.out(), "filesystem"))
        .containsPattern(" 1 +\\d+(\\.\\d)? (B|KiB) ")
        .contains(dir.resolve("cache").toString());
    assertThat(line(after.out(), "memory")).contains("inside each process");
    assertThat(after.out()).contains("ttl 3600s");
  }

  @Test
  void clearEmptiesTheFilesystemTier() throws Exception {
    buildOne();

    Cli.Result r = Cli.in(dir).run("cache", "clear");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("filesystem: removed 1 entry");
    assertThat(r.out()).contains("memory: nothing to clear");
    assertThat(line(Cli.in(dir).run("cache", "stats").out(), "filesystem"))
        .containsPattern(" 0 +0 B ");
  }

  @Test
  void clearOneTierLeavesTheOthers() throws Exception {
    buildOne();

    Cli.Result r = Cli.in(dir).run("cache", "clear", "--tier", "memory");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).doesNotContain("filesystem");
    assertThat(line(Cli.in(dir).run("cache", "stats").out(), "filesystem")).containsPattern(" 1 +");
  }

  @Test
  void anUnknownTierIsABadUsage() {
    Cli.Result r = Cli.in(dir).run("cache", "clear", "--tier", "floppy");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.USAGE);
    assertThat(r.err()).contains("Invalid value for option '--tier'").contains("filesystem");
  }

  @Test
  void aDisabledCacheSaysSo() {
    Cli.Result r = Cli.in(dir).env("CACHE_ENABLED", "false").run("cache", "stats");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("cache: disabled");
  }

  @Test
  void anUnreachableRedisFailsStatsAndClear() throws Exception {
    Path config = dir.resolve("trinity.yaml");
    Files.writeString(config, "cache: { tiers: [memory, redis] }\n");
    int port = BuildCommandTest.closedPort();

    Cli.Result stats =
        Cli.in(dir)
            .env("CACHE_REDIS_PORT", "" + port)
            .run("--config", config.toString(), "cache", "stats");
    Cli.Result clear =
        Cli.in(dir)
            .env("CACHE_REDIS_PORT", "" + port)
            .run("--config", config.toString(), "cache", "clear", "--tier", "redis");

    assertThat(stats.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(line(stats.out(), "redis")).contains("unreachable").contains(":" + port);
    assertThat(clear.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(clear.err()).startsWith("error: redis not cleared: Redis at localhost:" + port);
  }

  @Nested
  class WithRedis {
    @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

    @Test
    void statsCountAndClearRemovesOnlyTheCachesKeys() throws Exception {
      RedisClient client = RedisClient.create("redis://127.0.0.1:" + redis.port());
      try (StatefulRedisConnection<String, String> c = client.connect()) {
        c.sync().set("trinity:llm:a", "1");
        c.sync().set("trinity:llm:b", "2");
        c.sync().set("other:key", "3");
        Path config = dir.resolve("trinity.yaml");
        Files.writeString(
            config, "cache: { tiers: [memory, redis], redis: { host: 127.0.0.1 } }\n");
        Cli cli = Cli.in(dir).env("CACHE_REDIS_PORT", "" + redis.port());

        Cli.Result stats = cli.run("--config", config.toString(), "cache", "stats");
        Cli.Result clear =
            cli.run("--config", config.toString(), "cache", "clear", "--tier", "redis");

        assertThat(stats.exitCode()).as(stats.toString()).isZero();
        assertThat(line(stats.out(), "redis")).contains(" ok ").containsPattern(" 2 +- ");
        assertThat(clear.exitCode()).as(clear.toString()).isZero();
        assertThat(clear.out()).contains("redis: removed 2 keys under 'trinity:llm:'");
        assertThat(c.sync().keys("*")).containsExactly("other:key");
      } finally {
        client.shutdown();
      }
    }
  }

  private static String line(String out, String tier) {
    return out.lines()
            .filter(l -> l.startsWith(tier + " "))
            .findFirst()
            .orElse("(no line for " + tier + ") " + out)
        + " ";
  }
}

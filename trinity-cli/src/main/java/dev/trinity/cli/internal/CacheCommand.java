package dev.trinity.cli.internal;

import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.CacheManager;
import dev.trinity.cache.TierHealth;
import dev.trinity.cache.TierType;
import dev.trinity.cli.CliEnvironment;
import dev.trinity.cli.TrinityCli;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code trinity cache stats} and {@code trinity cache clear [--tier T]}. */
@Command(
    name = "cache",
    mixinStandardHelpOptions = true,
    description = "Inspects and clears the response cache.",
    subcommands = {CacheCommand.Stats.class, CacheCommand.Clear.class})
final class CacheCommand {
  @ParentCommand RootCommand root;

  /** {@code trinity cache stats}: each configured tier, whether it works, what it holds. */
  @Command(
      name = "stats",
      mixinStandardHelpOptions = true,
      description = {
        "Shows each configured cache tier: whether it answers, and the entries and bytes the",
        "filesystem tier holds. (Hit and miss counters live in each process: see the",
        "llm_request_completed log events.)"
      })
  static final class Stats implements Callable<Integer> {
    @ParentCommand CacheCommand cache;

    @Override
    public Integer call() {
      CliEnvironment env = cache.root.environment();
      CacheConfig config = cache.root.settings().config().cache();
      if (!config.enabled()) {
        env.out().println("cache: disabled (cache.enabled / CACHE_ENABLED)");
        return TrinityCli.OK;
      }
      List<TierReport> reports = new ArrayList<>();
      for (TierType tier : config.tiers()) {
        reports.add(TierReport.of(tier, config));
      }
      List<List<String>> rows = new ArrayList<>();
      for (TierReport r : reports) {
        rows.add(List.of(r.tier(), r.status(), r.entries(), r.size(), r.detail()));
      }
      env.out()
          .print(TextTable.render(List.of("TIER", "STATUS", "ENTRIES", "SIZE", "WHERE"), rows));
      env.out().println("ttl " + config.ttl().toSeconds() + "s");
      return reports.stream().allMatch(TierReport::ok) ? TrinityCli.OK : TrinityCli.ITEMS_FAILED;
    }
  }

  /** {@code trinity cache clear [--tier memory|redis|filesystem]}. */
  @Command(
      name = "clear",
      mixinStandardHelpOptions = true,
      description = {
        "Removes the cached answers of every configured tier, or of one tier.",
        "Redis: only the keys under cache.redis.key_prefix."
      })
  static final class Clear implements Callable<Integer> {
    @ParentCommand CacheCommand cache;

    @Option(
        names = "--tier",
        paramLabel = "TIER",
        description = "Only this tier: ${COMPLETION-CANDIDATES}.")
    @Nullable TierChoice tier;

    @Override
    public Integer call() {
      CliEnvironment env = cache.root.environment();
      CacheConfig config = cache.root.settings().config().cache();
      List<TierType> tiers = tier == null ? config.tiers() : List.of(tier.type);
      int status = TrinityCli.OK;
      for (TierType t : tiers) {
        try {
          env.out().println(t.yamlName() + ": " + clear(t, config));
        } catch (RuntimeException e) {
          env.err().println("error: " + t.yamlName() + " not cleared: " + Errors.describe(e));
          status = TrinityCli.ITEMS_FAILED;
        }
      }
      return status;
    }
  }

  private static String clear(TierType tier, CacheConfig config) {
    return switch (tier) {
      case MEMORY -> "nothing to clear (the memory tier lives inside a running process)";
      case REDIS -> {
        long removed = RedisAdmin.clear(config);
        yield "removed "
            + removed
            + " key"
            + (removed == 1 ? "" : "s")
            + " under '"
            + config.redis().keyPrefix()
            + "' at "
            + RedisAdmin.address(config);
      }
      case FILESYSTEM -> {
        FilesystemUsage before = FilesystemUsage.of(config.filesystem().directory());
        CacheConfig only = config.toBuilder().enabled(true).tiers(List.of(tier)).build();
        try (CacheManager manager = CacheManager.builder().config(only).build()) {
          manager.clearAll().join();
          TierHealth health = manager.health().getOrDefault(tier.yamlName(), TierHealth.up());
          if (health.status() == TierHealth.Status.DOWN) {
            throw new IllegalStateException(health.reason().orElse("the tier is down"));
          }
        }
        FilesystemUsage after = FilesystemUsage.of(config.filesystem().directory());
        if (after.entries() > 0) {
          throw new IllegalStateException(
              after.entries() + " entries left in " + config.filesystem().directory());
        }
        yield "removed "
            + before.entries()
            + " entr"
            + (before.entries() == 1 ? "y" : "ies")
            + " ("
            + FilesystemUsage.bytes(before.bytes())
            + ") from "
            + config.filesystem().directory();
      }
    };
  }

  /** The tiers as option values, in their YAML spelling. */
  enum TierChoice {
    memory(TierType.MEMORY),
    redis(TierType.REDIS),
    filesystem(TierType.FILESYSTEM);

    final TierType type;

    TierChoice(TierType type) {
      this.type = type;
    }
  }
}

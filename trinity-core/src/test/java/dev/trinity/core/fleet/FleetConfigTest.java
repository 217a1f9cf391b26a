package dev.trinity.core.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.ConfigurationException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.EffectiveConfig;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetConfigTest {
  private static final String REDIS_CACHE =
      """
      cache:
        enabled: true
        tiers: [memory, redis]
      """;

  @TempDir Path dir;

  private Path yaml(String text) throws Exception {
    Path f = dir.resolve("trinity.yaml");
    Files.writeString(f, text);
    return f;
  }

  @Test
  void fleetModeIsOffByDefaultWithATenSecondLeaseAndAHundredMillisecondPoll() {
    FleetConfig fleet = Trinity.loadConfig(null, Map.of()).fleet();

    assertThat(fleet.enabled()).isFalse();
    assertThat(fleet.leaseTime()).isEqualTo(Duration.ofSeconds(10));
    assertThat(fleet.pollInterval()).isEqualTo(Duration.ofMillis(100));
    assertThat(fleet.fleetLimit()).isEmpty();
  }

  @Test
  void theFleetSectionIsReadFromTheFile() throws Exception {
    TrinityConfig c =
        Trinity.loadConfig(
            yaml(
                REDIS_CACHE
                    + """
                    fleet:
                      enabled: true
                      lease_time: 30s
                      poll_interval: 250ms
                      max_concurrency: 4
                    """),
            Map.of());

    assertThat(c.fleet())
        .isEqualTo(new FleetConfig(true, Duration.ofSeconds(30), Duration.ofMillis(250), 4));
  }

  @Test
  void fleetEnabledComesFromTheEnvironmentToo() throws Exception {
    TrinityConfig c = Trinity.loadConfig(yaml(REDIS_CACHE), Map.of("FLEET_ENABLED", "true"));

    assertThat(c.fleet().enabled()).isTrue();
  }

  @Test
  void fleetModeWithoutTheRedisTierFailsNamingBothSettings() throws Exception {
    Path f = yaml("cache: { enabled: true, tiers: [memory] }\nfleet: { enabled: true }\n");

    assertThatThrownBy(() -> Trinity.loadConfig(f, Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.enabled")
        .hasMessageContaining("cache.tiers")
        .hasMessageContaining("[memory]");
    assertThatThrownBy(
            () ->
                TrinityConfig.builder()
                    .cache(CacheConfig.builder().enabled(false).tiers(TierType.REDIS).build())
                    .fleet(FleetConfig.ofDefaults().withEnabled(true))
                    .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.enabled")
        .hasMessageContaining("cache.enabled was false");
  }

  @Test
  void badValuesFailNamingTheKey() throws Exception {
    assertThatThrownBy(() -> Trinity.loadConfig(yaml("fleet: { lease_time: 0s }\n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.lease_time");
    assertThatThrownBy(
            () ->
                Trinity.loadConfig(
                    yaml("fleet: { lease_time: 1s, poll_interval: 2s }\n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.poll_interval must be shorter than fleet.lease_time");
    assertThatThrownBy(() -> Trinity.loadConfig(yaml("fleet: { max_concurrency: 0 }\n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.max_concurrency");
    assertThatThrownBy(() -> Trinity.loadConfig(yaml("fleet: { leases: 3 }\n"), Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("fleet.leases");
  }

  @Test
  void aShortLeaseWithAShorterPollLoadsWhateverTheKeyOrder() throws Exception {
    TrinityConfig c =
        Trinity.loadConfig(yaml("fleet: { lease_time: 50ms, poll_interval: 10ms }\n"), Map.of());

    assertThat(c.fleet().leaseTime()).isEqualTo(Duration.ofMillis(50));
    assertThat(c.fleet().pollInterval()).isEqualTo(Duration.ofMillis(10));
  }

  @Test
  void configShowListsTheFleetSettingsAndWhereTheyCameFrom() throws Exception {
    EffectiveConfig e =
        EffectiveConfig.load(
            yaml(REDIS_CACHE + "fleet: { lease_time: 20s }\n"), Map.of("FLEET_ENABLED", "true"));

    assertThat(e.setting("fleet.enabled").orElseThrow().origin())
        .isEqualTo(EffectiveConfig.Origin.ENVIRONMENT);
    assertThat(e.setting("fleet.lease_time").orElseThrow().value()).isEqualTo("20s");
    assertThat(e.setting("fleet.lease_time").orElseThrow().origin())
        .isEqualTo(EffectiveConfig.Origin.FILE);
    assertThat(e.setting("fleet.poll_interval").orElseThrow().value()).isEqualTo("100ms");
    assertThat(e.setting("fleet.max_concurrency").orElseThrow().value()).contains("not set");
  }
}

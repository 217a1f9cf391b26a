package dev.trinity.core.content.internal;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Role;
import dev.trinity.api.content.SiteContent;
import dev.trinity.core.content.internal.offline.Extraction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code offline} provider: answers a content request with JSON that {@link OfflineExtractor}
 * builds from the portfolio in the prompt, without a model and without I/O. It understands only the
 * content engine's prompts (the portfolio between {@link PromptTemplates#PORTFOLIO_OPEN} and {@link
 * PromptTemplates#PORTFOLIO_CLOSE}); any other prompt is read whole as a portfolio.
 */
final class OfflineProvider implements LlmProvider {
  private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.JSON_SCHEMA);
  private static final Pattern MAX_REPOS = Pattern.compile("repos: at most (\\d{1,3}) projects");

  private final Clock clock;

  OfflineProvider(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return OfflineProviderFactory.NAME;
  }

  @Override
  public String endpoint() {
    return "offline:" + OfflineExtractor.MODEL;
  }

  @Override
  public String defaultModel() {
    return OfflineExtractor.MODEL;
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    Instant start = clock.instant();
    Extraction extraction = OfflineExtractor.extract(portfolio(request));
    Optional<SiteContent> content = OfflineExtractor.content(extraction, maxRepos(request));
    if (content.isEmpty()) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name(),
              ProviderException.NO_STATUS,
              OfflineExtractor.noProjects(extraction),
              false,
              null));
    }
    Duration took = Duration.between(start, clock.instant());
    return CompletableFuture.completedFuture(
        LlmResponse.builder()
            .text(ContentJson.write(content.get()))
            .model(OfflineExtractor.MODEL)
            .provider(name())
            .latency(took.isNegative() ? Duration.ZERO : took)
            .finishReason("stop")
            .build());
  }

  /**
   * The theme's project limit as the system prompt states it ("repos: at most 6 projects"), so the
   * hero counts what the page shows; {@link SiteContent#MAX_REPOS} when the prompt does not say.
   */
  static int maxRepos(LlmRequest request) {
    String system = request.systemPrompt().orElse("");
    Matcher m = MAX_REPOS.matcher(system);
    if (m.find()) {
      try {
        return Math.max(1, Math.min(SiteContent.MAX_REPOS, Integer.parseInt(m.group(1))));
      } catch (NumberFormatException e) {
        return SiteContent.MAX_REPOS;
      }
    }
    return SiteContent.MAX_REPOS;
  }

  /** The portfolio between the markers of the first user message that has them. */
  static String portfolio(LlmRequest request) {
    for (Message m : request.messages()) {
      if (m.role() != Role.USER) {
        continue;
      }
      String text = m.content();
      int open = text.indexOf(PromptTemplates.PORTFOLIO_OPEN);
      int close = text.lastIndexOf(PromptTemplates.PORTFOLIO_CLOSE);
      if (open >= 0 && close > open) {
        return text.substring(open + PromptTemplates.PORTFOLIO_OPEN.length(), close).strip();
      }
    }
    return request.messages().get(request.messages().size() - 1).content();
  }
}

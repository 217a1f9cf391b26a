package dev.trinity.core.content.internal;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Role;
import dev.trinity.api.content.SiteContent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The {@code offline} provider: answers a content request with JSON that {@link OfflineExtractor}
 * builds from the portfolio in the prompt, without a model and without I/O. It understands only the
 * content engine's prompts (the portfolio between {@link PromptTemplates#PORTFOLIO_OPEN} and {@link
 * PromptTemplates#PORTFOLIO_CLOSE}); any other prompt is read whole as a portfolio.
 */
final class OfflineProvider implements LlmProvider {
  private static final Set<Capability> CAPABILITIES = EnumSet.of(Capability.JSON_SCHEMA);

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
    String portfolio = portfolio(request);
    Optional<SiteContent> content = OfflineExtractor.content(portfolio);
    if (content.isEmpty()) {
      return CompletableFuture.failedFuture(
          new ProviderException(
              name(),
              ProviderException.NO_STATUS,
              "offline: found no projects in the portfolio. The rule-based extractor reads"
                  + " Markdown headings and bullets, Language:/Stars:/URL: lines and GitHub"
                  + " dashboard listings; configure a model for other formats",
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

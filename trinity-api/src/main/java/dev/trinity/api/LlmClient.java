package dev.trinity.api;

/** The blocking view of {@link AsyncLlmClient}: the same pipeline, waited on. Thread-safe. */
public interface LlmClient {

  /**
   * Sends a request and waits for the answer.
   *
   * @param request the request
   * @return the answer
   * @throws TrinityException (unwrapped) when the request fails; see its subtypes
   * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted (the
   *     request is cancelled and the interrupt flag is restored)
   */
  default LlmResponse generate(LlmRequest request) {
    return generate(request, ResponseValidator.ACCEPT_ALL);
  }

  /**
   * Sends a request, waits, and accepts the answer only if the validator does; see {@link
   * AsyncLlmClient#generate(LlmRequest, ResponseValidator)}.
   *
   * @param request the request
   * @param validator checks the answer before it is returned and cached
   * @return the accepted answer
   * @throws TrinityException (unwrapped) when the request fails or the answer is rejected
   */
  LlmResponse generate(LlmRequest request, ResponseValidator validator);

  /**
   * Shortcut for {@code generate(LlmRequest.of(prompt))}.
   *
   * @param prompt the user message
   * @return the answer
   * @throws TrinityException when the request fails
   */
  default LlmResponse generate(String prompt) {
    return generate(LlmRequest.of(prompt));
  }

  /**
   * The non-blocking view of this client.
   *
   * @return a client sharing this one's pipeline
   */
  AsyncLlmClient async();
}

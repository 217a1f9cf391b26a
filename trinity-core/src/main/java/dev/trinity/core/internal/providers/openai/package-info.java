/**
 * The {@code openai} provider: {@code /v1/chat/completions} as spoken by OpenAI and compatible
 * servers (LM Studio, vLLM, llama.cpp server). Not API: may change in any release.
 */
@NullMarked
package dev.trinity.core.internal.providers.openai;

import org.jspecify.annotations.NullMarked;

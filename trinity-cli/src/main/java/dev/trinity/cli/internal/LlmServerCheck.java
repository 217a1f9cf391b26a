package dev.trinity.cli.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model server answers and has the model: Ollama's {@code GET /api/tags}, an OpenAI-compatible
 * server's {@code GET /v1/models}, llama.cpp's {@code GET /health}. The offline provider needs no
 * server.
 */
final class LlmServerCheck {
  static final String NAME = "LLM server";
  private static final ObjectMapper JSON = new ObjectMapper();

  private LlmServerCheck() {}

  static CheckResult run(Settings settings) {
    String provider = settings.config().llm().provider();
    if (provider.equals("offline")) {
      return CheckResult.ok(NAME, "offline provider: rule-based extraction, no model server");
    }
    Optional<URI> base = settings.baseUrl();
    if (base.isEmpty()) {
      return CheckResult.fail(
          NAME,
          "provider '" + provider + "' has no base URL",
          "set LLM_API_URL or --url (or llm.base_url in the configuration file)");
    }
    String model = settings.model().orElse("");
    Map<String, String> headers =
        settings
            .config()
            .llm()
            .apiKey()
            .map(k -> Map.of("Authorization", "Bearer " + k.reveal()))
            .orElse(Map.of());
    return switch (provider) {
      case "ollama" -> ollama(base.get(), model);
      case "openai" -> openAi(base.get(), model, headers);
      case "llamacpp" -> llamaCpp(base.get());
      default -> other(provider, base.get());
    };
  }

  private static CheckResult ollama(URI base, String model) {
    URI url = endpoint(base, "/api/tags");
    LlmServerProbe.Answer answer;
    try {
      answer = LlmServerProbe.get(url, Map.of());
    } catch (IOException e) {
      return notAnswering(
          "Ollama",
          base,
          e,
          "start Ollama ('ollama serve', or 'docker compose up -d ollama') and 'ollama pull "
              + model
              + "', or point LLM_API_URL / --url at it; or run with --provider offline");
    }
    if (answer.status() != 200) {
      return badStatus(url, answer, "check that LLM_API_URL / --url points at an Ollama server");
    }
    List<String> models = names(answer.body(), "models", "name");
    if (hasModel(models, model)) {
      return CheckResult.ok(
          NAME, "Ollama at " + base + " has " + model + " (" + models(models.size()) + ")");
    }
    return missingModel(
        "Ollama at " + base,
        model,
        models,
        "run 'ollama pull " + model + "', or choose a model it has with LLM_MODEL / --model");
  }

  private static CheckResult openAi(URI base, String model, Map<String, String> headers) {
    String path =
        base.getPath() != null && base.getPath().endsWith("/v1") ? "/models" : "/v1/models";
    URI url = endpoint(base, path);
    LlmServerProbe.Answer answer;
    try {
      answer = LlmServerProbe.get(url, headers);
    } catch (IOException e) {
      return notAnswering(
          "the OpenAI-compatible server",
          base,
          e,
          "start the server (LM Studio, vLLM, llama.cpp server) or fix LLM_API_URL / --url; or"
              + " run with --provider offline");
    }
    if (answer.status() == 401 || answer.status() == 403) {
      return CheckResult.fail(
          NAME,
          url + " refused the request (HTTP " + answer.status() + ")",
          headers.isEmpty()
              ? "set LLM_API_KEY (llm.api_key) to a key the server accepts"
              : "check LLM_API_KEY: the server did not accept it");
    }
    if (answer.status() != 200) {
      return badStatus(
          url, answer, "check that LLM_API_URL / --url points at an OpenAI-compatible API");
    }
    List<String> models = names(answer.body(), "data", "id");
    if (models.contains(model)) {
      return CheckResult.ok(
          NAME,
          "OpenAI-compatible server at "
              + base
              + " has "
              + model
              + " ("
              + models(models.size())
              + ")");
    }
    return missingModel(
        "the server at " + base,
        model,
        models,
        "choose one of its models with LLM_MODEL / --model, or load the model in the server");
  }

  private static CheckResult llamaCpp(URI base) {
    URI url = endpoint(base, "/health");
    try {
      LlmServerProbe.Answer answer = LlmServerProbe.get(url, Map.of());
      if (answer.status() == 200) {
        return CheckResult.ok(NAME, "llama.cpp server at " + base + " is ready");
      }
      return badStatus(
          url, answer, "wait until the server has loaded its model (HTTP 503 while loading)");
    } catch (IOException e) {
      return notAnswering(
          "llama.cpp server",
          base,
          e,
          "start llama-server (it loads one model given with -m) or fix LLM_API_URL / --url");
    }
  }

  private static CheckResult other(String provider, URI base) {
    try {
      LlmServerProbe.Answer answer = LlmServerProbe.get(base, Map.of());
      return CheckResult.ok(
          NAME,
          provider
              + " at "
              + base
              + " answers (HTTP "
              + answer.status()
              + "); no model check for this provider");
    } catch (IOException e) {
      return notAnswering(provider, base, e, "start the server or fix LLM_API_URL / --url");
    }
  }

  private static CheckResult notAnswering(String what, URI base, IOException e, String fix) {
    return CheckResult.fail(
        NAME, "nothing answers at " + base + " for " + what + " (" + reason(e) + ")", fix);
  }

  private static CheckResult missingModel(
      String server, String model, List<String> models, String fix) {
    return CheckResult.fail(
        NAME,
        server + " answers but has no model '" + model + "' (has: " + list(models) + ")",
        fix);
  }

  private static CheckResult badStatus(URI url, LlmServerProbe.Answer answer, String fix) {
    return CheckResult.fail(NAME, url + " answered HTTP " + answer.status(), fix);
  }

  private static String reason(IOException e) {
    if (e instanceof java.net.ConnectException) {
      return "connection refused";
    }
    if (e instanceof java.net.http.HttpTimeoutException) {
      return "no answer within " + LlmServerProbe.TIMEOUT.toSeconds() + " s";
    }
    return Errors.describe(e);
  }

  /** Ollama names carry a tag; {@code llama3.2} means {@code llama3.2:latest}. */
  static boolean hasModel(List<String> models, String model) {
    String wanted = model.contains(":") ? model : model + ":latest";
    return models.stream().anyMatch(m -> m.equals(model) || m.equals(wanted));
  }

  private static List<String> names(String body, String array, String field) {
    List<String> out = new ArrayList<>();
    try {
      JsonNode root = JSON.readTree(body);
      for (JsonNode item : root.path(array)) {
        JsonNode name = item.get(field);
        if (name != null && name.isTextual()) {
          out.add(name.asText());
        }
      }
    } catch (IOException e) {
      // not JSON: no models listed; the caller reports the model as missing
    }
    return out;
  }

  private static String models(int n) {
    return n + (n == 1 ? " model" : " models");
  }

  private static String list(List<String> models) {
    return models.isEmpty() ? "none" : String.join(", ", models);
  }

  static URI endpoint(URI base, String path) {
    return URI.create(base.toString().replaceAll("/+$", "") + path);
  }
}

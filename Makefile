# Trinity for Java: shortcuts over the Maven Wrapper and the trinity command line.
# Every target is one line; what the CLI does is done by the CLI (java -jar $(JAR) --help).

JAR       ?= trinity-cli/target/trinity.jar
TRINITY   ?= java -jar $(JAR)
SAMPLES   ?= trinity-examples/src/main/resources/samples
PORTFOLIO ?= $(SAMPLES)/ada-kowalska.md
THEME     ?= brutalist
THEMES    ?= brutalist,hacker,minimalist,enterprise,editorial
OUT       ?= output
LOG_FILE  ?= logs/trinity.log
IMAGE     ?= trinity-java:latest

.DEFAULT_GOAL := help
.PHONY: help install test test-coverage format lint build build-all cache-stats cache-clear \
        logs logs-json logs-errors logs-performance logs-analyze logs-clear bench train predict \
        docker-build docker-run docker-logs docker-stop t f l b

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  %-18s %s\n", $$1, $$2}'

install: ## Build every module, install it in ~/.m2 and build the CLI jar (no tests)
	./mvnw -B -q install -DskipTests

test: ## Run the tests and checks CI runs
	./mvnw -B verify

test-coverage: ## Run the tests with JaCoCo; reports in <module>/target/site/jacoco/index.html
	./mvnw -B org.jacoco:jacoco-maven-plugin:0.8.15:prepare-agent verify org.jacoco:jacoco-maven-plugin:0.8.15:report

format: ## Format the Java code (google-java-format)
	./mvnw -B -q spotless:apply

lint: ## Check formatting and compile with every javac warning on
	./mvnw -B -q spotless:check compile

# Rebuilt when a pom or a main source file is newer than the jar.
$(JAR): $(shell find pom.xml trinity-*/pom.xml trinity-*/src/main -type f 2>/dev/null)
	./mvnw -B -q -pl trinity-cli -am package -DskipTests

build: $(JAR) ## Build one portfolio: make build PORTFOLIO=path THEME=name
	$(TRINITY) build $(PORTFOLIO) --theme $(THEME) --out $(OUT)

predict: $(JAR) ## Predict the layout fixes a page will need: make predict PORTFOLIO=path THEME=name
	$(TRINITY) predict $(PORTFOLIO) --theme $(THEME)

build-all: $(JAR) ## Build every sample in every theme, with a progress bar and a summary
	$(TRINITY) build-all $(SAMPLES) --themes $(THEMES) --out $(OUT)

cache-stats: $(JAR) ## Show what each cache tier holds
	$(TRINITY) cache stats

cache-clear: $(JAR) ## Clear every cache tier (make cache-clear TIER=redis for one)
	$(TRINITY) cache clear $(if $(TIER),--tier $(TIER))

logs: ## Show the JSON log as readable lines (written with LOG_PROFILE=production)
	jq -r '"\(.timestamp) \(.level) \(.message) \(.correlation_id // "-") \(.duration_ms // "")"' $(LOG_FILE)

logs-json: ## Show the JSON log, one object per line
	jq -c . $(LOG_FILE)

logs-errors: ## Show only the errors
	jq -c 'select(.level == "ERROR") | {message, correlation_id, status, error}' $(LOG_FILE)

logs-performance: ## The ten slowest timed events
	jq -s -c 'map(select(.duration_ms != null)) | sort_by(.duration_ms) | reverse | .[0:10] | .[] | {message, correlation_id, duration_ms}' $(LOG_FILE)

logs-analyze: ## Mean request time, cache hit counts and lines per correlation id
	jq -s '{mean_request_ms: (map(select(.message == "llm_request_completed") | .duration_ms) | if length > 0 then add/length else null end), cache_hits: ([.[] | select(.cache_hit != null)] | group_by(.cache_hit) | map({key: (.[0].cache_hit | tostring), value: length}) | from_entries), lines_per_correlation_id: (group_by(.correlation_id) | map({key: (.[0].correlation_id // "none"), value: length}) | from_entries)}' $(LOG_FILE)

logs-clear: ## Delete the log files
	rm -f logs/*.log logs/*.log.*

bench: ## Run the JMH microbenchmarks (after make install)
	./mvnw -B -q -pl trinity-examples exec:exec@jmh

train: ## Regenerate the layout-risk dataset with Chromium and retrain the shipped model
	./mvnw -B -pl trinity-site -am -Ptrain compile

docker-build: ## Build the Docker image (IMAGE=trinity-java:latest)
	docker build -t $(IMAGE) .

docker-run: ## Start trinity with Ollama and Redis (docker compose)
	docker compose up -d

docker-logs: ## Follow the trinity container's output
	docker compose logs -f trinity

docker-stop: ## Stop and remove the containers (volumes are kept)
	docker compose down

t: test ## Alias of test
f: format ## Alias of format
l: lint ## Alias of lint
b: build ## Alias of build

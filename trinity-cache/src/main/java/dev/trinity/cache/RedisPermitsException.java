package dev.trinity.cache;

/**
 * A {@link RedisPermits} operation failed because of Redis: it was unreachable, did not answer
 * within {@code cache.redis.command_timeout}, answered with an error, or the permits were closed.
 * The message names the Redis address (never the password) and the operation; the cause is the
 * client's exception when there is one. Whether the operation took effect is unknown.
 */
public final class RedisPermitsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failure with its cause.
   *
   * @param message what failed, naming the operation and the Redis address
   * @param cause the client's exception, or null
   */
  public RedisPermitsException(String message, Throwable cause) {
    super(message, cause);
  }
}

/**
 * How cassettes are written, read, masked and compared. Internal, may change without notice: use
 * {@link dev.trinity.test.Cassette} and {@link dev.trinity.test.LlmCassette}.
 */
package dev.trinity.test.internal;

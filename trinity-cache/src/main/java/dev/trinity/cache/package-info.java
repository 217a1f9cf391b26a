/**
 * A multi-tier response cache (memory, Redis, filesystem) that stores strings under keys with a
 * time to live. It knows nothing about language models.
 */
@NullMarked
package dev.trinity.cache;

import org.jspecify.annotations.NullMarked;

/**
 * The commands of the {@code trinity} command line and their helpers: doctor checks, the progress
 * display, tables and output files. Not API: may change in any release.
 */
@NullMarked
package dev.trinity.cli.internal;

import org.jspecify.annotations.NullMarked;

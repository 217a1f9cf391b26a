/** Implementation details of Trinity's core. Not API: anything here may change in any release. */
@NullMarked
package dev.trinity.core.internal;

import org.jspecify.annotations.NullMarked;

package dev.trinity.site.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** Deletes the temporary directories the browser guardian writes pages and its profile into. */
public final class PageFiles {
  private PageFiles() {}

  /**
   * Deletes a directory tree, ignoring what cannot be deleted (a browser may still hold a file).
   *
   * @param dir the directory; nothing happens when it does not exist
   */
  public static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              try {
                Files.deleteIfExists(file);
              } catch (IOException e) {
                // left behind; the temp directory is cleaned by the system
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) {
              try {
                Files.deleteIfExists(d);
              } catch (IOException e) {
                // not empty: a file in it could not be deleted
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      // best effort
    }
  }
}

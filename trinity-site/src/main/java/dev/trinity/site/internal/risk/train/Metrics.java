package dev.trinity.site.internal.risk.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classification metrics over class ids 0..k-1: accuracy, per-class precision, recall and F1, macro
 * F1 (the mean over classes that occur in the truth or the predictions, as scikit-learn does),
 * weighted F1 (weighted by support), and the confusion matrix (rows truth, columns predicted).
 *
 * @param confusion counts, {@code confusion[truth][predicted]}
 */
public record Metrics(long[][] confusion) {

  /**
   * Counts predictions.
   *
   * @param truth the true classes
   * @param predicted the predicted classes
   * @param classes how many classes
   * @return the metrics
   */
  public static Metrics of(int[] truth, int[] predicted, int classes) {
    long[][] m = new long[classes][classes];
    for (int i = 0; i < truth.length; i++) {
      m[truth[i]][predicted[i]]++;
    }
    return new Metrics(m);
  }

  private int k() {
    return confusion.length;
  }

  /**
   * How many samples.
   *
   * @return the count
   */
  public long total() {
    long n = 0;
    for (long[] row : confusion) {
      for (long v : row) {
        n += v;
      }
    }
    return n;
  }

  /**
   * The share predicted right.
   *
   * @return 0 to 1
   */
  public double accuracy() {
    long right = 0;
    for (int c = 0; c < k(); c++) {
      right += confusion[c][c];
    }
    return total() == 0 ? 0 : (double) right / total();
  }

  /**
   * Samples whose true class is c.
   *
   * @param c the class
   * @return the count
   */
  public long support(int c) {
    long n = 0;
    for (long v : confusion[c]) {
      n += v;
    }
    return n;
  }

  private long predictedAs(int c) {
    long n = 0;
    for (long[] row : confusion) {
      n += row[c];
    }
    return n;
  }

  /**
   * Precision of a class.
   *
   * @param c the class
   * @return 0 to 1 (0 when never predicted)
   */
  public double precision(int c) {
    long p = predictedAs(c);
    return p == 0 ? 0 : (double) confusion[c][c] / p;
  }

  /**
   * Recall of a class.
   *
   * @param c the class
   * @return 0 to 1 (0 when absent)
   */
  public double recall(int c) {
    long s = support(c);
    return s == 0 ? 0 : (double) confusion[c][c] / s;
  }

  /**
   * F1 of a class.
   *
   * @param c the class
   * @return 0 to 1
   */
  public double f1(int c) {
    double p = precision(c);
    double r = recall(c);
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  /**
   * The mean F1 over classes that occur in the truth or the predictions.
   *
   * @return 0 to 1
   */
  public double macroF1() {
    double sum = 0;
    int n = 0;
    for (int c = 0; c < k(); c++) {
      if (support(c) > 0 || predictedAs(c) > 0) {
        sum += f1(c);
        n++;
      }
    }
    return n == 0 ? 0 : sum / n;
  }

  /**
   * F1 averaged with each class weighted by its support.
   *
   * @return 0 to 1
   */
  public double weightedF1() {
    double sum = 0;
    for (int c = 0; c < k(); c++) {
      sum += f1(c) * support(c);
    }
    return total() == 0 ? 0 : sum / total();
  }

  /**
   * The share of samples predicted a harsher (higher) class than their true one.
   *
   * @return 0 to 1
   */
  public double overHealing() {
    long over = 0;
    for (int t = 0; t < k(); t++) {
      for (int p = t + 1; p < k(); p++) {
        over += confusion[t][p];
      }
    }
    return total() == 0 ? 0 : (double) over / total();
  }

  /**
   * A Markdown table of the confusion matrix with per-class precision, recall and F1.
   *
   * @param names class names
   * @return the table
   */
  public String table(List<String> names) {
    StringBuilder sb = new StringBuilder("| true \\ predicted |");
    for (String n : names) {
      sb.append(' ').append(n).append(" |");
    }
    sb.append(" support | precision | recall | F1 |\n|---|");
    sb.append("---:|".repeat(names.size() + 4)).append('\n');
    for (int t = 0; t < k(); t++) {
      sb.append("| ").append(names.get(t)).append(" |");
      for (int p = 0; p < k(); p++) {
        sb.append(' ').append(confusion[t][p]).append(" |");
      }
      sb.append(
          String.format(
              Locale.ROOT,
              " %d | %.3f | %.3f | %.3f |%n",
              support(t),
              precision(t),
              recall(t),
              f1(t)));
    }
    return sb.toString();
  }

  /**
   * The matrix as nested lists (for JSON).
   *
   * @return rows of counts
   */
  public List<List<Long>> rows() {
    List<List<Long>> out = new ArrayList<>();
    for (long[] row : confusion) {
      List<Long> r = new ArrayList<>();
      for (long v : row) {
        r.add(v);
      }
      out.add(r);
    }
    return out;
  }
}

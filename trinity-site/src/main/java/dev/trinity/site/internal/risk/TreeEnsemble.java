package dev.trinity.site.internal.risk;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A forest of binary decision trees held in flat arrays, evaluated without allocation. A node goes
 * to its right child when the feature's value is greater than the threshold, else to its left
 * (Tribuo's convention); leaves hold a class distribution and the forest averages them. Read from
 * the JSON the trainer exports and checked node by node, so a damaged file fails to load instead of
 * looping or indexing out of range. Immutable; thread-safe.
 */
public final class TreeEnsemble {
  private final int classes;
  // per tree: node i's feature, left child and right child at 3i, 3i+1, 3i+2 (feature -1: leaf)
  private final int[][] nodes;
  private final double[][] threshold;
  // per tree: leaf i's class distribution at i * classes
  private final float[][] leaves;

  private TreeEnsemble(
      int classes,
      int[][] feature,
      double[][] threshold,
      int[][] left,
      int[][] right,
      float[][][] value) {
    this.classes = classes;
    this.threshold = threshold;
    this.nodes = new int[feature.length][];
    this.leaves = new float[feature.length][];
    for (int t = 0; t < feature.length; t++) {
      int n = feature[t].length;
      nodes[t] = new int[3 * n];
      leaves[t] = new float[n * classes];
      for (int i = 0; i < n; i++) {
        nodes[t][3 * i] = feature[t][i];
        nodes[t][3 * i + 1] = left[t][i];
        nodes[t][3 * i + 2] = right[t][i];
        if (feature[t][i] < 0) {
          System.arraycopy(value[t][i], 0, leaves[t], i * classes, classes);
        }
      }
    }
  }

  /**
   * Reads and checks trees.
   *
   * @param trees the JSON array of trees
   * @param features how many features the vector has
   * @param classes how many classes
   * @return the forest
   * @throws IllegalArgumentException naming the tree and node that is not well-formed
   */
  public static TreeEnsemble fromJson(JsonNode trees, int features, int classes) {
    if (trees == null || !trees.isArray() || trees.isEmpty()) {
      throw new IllegalArgumentException("'trees' must be a non-empty array");
    }
    int n = trees.size();
    int[][] f = new int[n][];
    double[][] th = new double[n][];
    int[][] l = new int[n][];
    int[][] r = new int[n][];
    float[][][] v = new float[n][][];
    for (int t = 0; t < n; t++) {
      JsonNode tree = trees.get(t);
      f[t] = ints(tree, "feature", t);
      th[t] = doubles(tree, "threshold", t);
      l[t] = ints(tree, "left", t);
      r[t] = ints(tree, "right", t);
      int nodes = f[t].length;
      if (nodes == 0 || th[t].length != nodes || l[t].length != nodes || r[t].length != nodes) {
        throw new IllegalArgumentException("tree " + t + ": node arrays differ in length");
      }
      JsonNode values = tree.get("value");
      if (values == null || !values.isArray() || values.size() != nodes) {
        throw new IllegalArgumentException("tree " + t + ": 'value' must have one row per node");
      }
      v[t] = new float[nodes][];
      for (int i = 0; i < nodes; i++) {
        if (f[t][i] < 0) {
          v[t][i] = distribution(values.get(i), classes, t, i);
        } else {
          if (f[t][i] >= features) {
            throw new IllegalArgumentException(
                "tree " + t + " node " + i + ": feature " + f[t][i] + " out of range");
          }
          // children come after their parent, so every walk ends at a leaf
          if (l[t][i] <= i || l[t][i] >= nodes || r[t][i] <= i || r[t][i] >= nodes) {
            throw new IllegalArgumentException(
                "tree " + t + " node " + i + ": child index out of order or range");
          }
          if (!Double.isFinite(th[t][i])) {
            throw new IllegalArgumentException(
                "tree " + t + " node " + i + ": threshold is not a finite number");
          }
        }
      }
    }
    return new TreeEnsemble(classes, f, th, l, r, v);
  }

  private static float[] distribution(JsonNode row, int classes, int t, int i) {
    if (row == null || !row.isArray() || row.size() != classes) {
      throw new IllegalArgumentException(
          "tree " + t + " leaf " + i + ": distribution must have " + classes + " values");
    }
    float[] d = new float[classes];
    double sum = 0;
    for (int c = 0; c < classes; c++) {
      JsonNode x = row.get(c);
      if (!x.isNumber() || !(x.asDouble() >= 0) || !Double.isFinite(x.asDouble())) {
        throw new IllegalArgumentException(
            "tree " + t + " leaf " + i + ": probabilities must be finite and >= 0");
      }
      d[c] = (float) x.asDouble();
      sum += d[c];
    }
    if (Math.abs(sum - 1) > 1e-3) {
      throw new IllegalArgumentException(
          "tree " + t + " leaf " + i + ": probabilities sum to " + sum + ", not 1");
    }
    return d;
  }

  private static int[] ints(JsonNode tree, String field, int t) {
    JsonNode a = array(tree, field, t);
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isInt()) {
        throw new IllegalArgumentException("tree " + t + ": '" + field + "' must hold integers");
      }
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  private static double[] doubles(JsonNode tree, String field, int t) {
    JsonNode a = array(tree, field, t);
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      if (!a.get(i).isNumber()) {
        throw new IllegalArgumentException("tree " + t + ": '" + field + "' must hold numbers");
      }
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static JsonNode array(JsonNode tree, String field, int t) {
    JsonNode a = tree == null ? null : tree.get(field);
    if (a == null || !a.isArray()) {
      throw new IllegalArgumentException("tree " + t + ": '" + field + "' must be an array");
    }
    return a;
  }

  /**
   * The average class distribution of the trees' leaves for a feature vector.
   *
   * @param x the features
   * @param out receives one probability per class
   */
  public void predict(double[] x, double[] out) {
    java.util.Arrays.fill(out, 0, classes, 0);
    for (int t = 0; t < nodes.length; t++) {
      int[] node = nodes[t];
      double[] th = threshold[t];
      int i = 0;
      int f;
      while ((f = node[3 * i]) >= 0) {
        i = x[f] > th[i] ? node[3 * i + 2] : node[3 * i + 1];
      }
      float[] leaf = leaves[t];
      int base = i * classes;
      for (int c = 0; c < classes; c++) {
        out[c] += leaf[base + c];
      }
    }
    double inv = 1.0 / nodes.length;
    for (int c = 0; c < classes; c++) {
      out[c] *= inv;
    }
  }

  /**
   * Predicts, then picks the most probable class (the lowest index on a tie).
   *
   * @param x the features
   * @param out receives one probability per class, as {@link #predict}
   * @return the class's index
   */
  public int classify(double[] x, double[] out) {
    predict(x, out);
    int best = 0;
    for (int c = 1; c < classes; c++) {
      if (out[c] > out[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * How many trees.
   *
   * @return the count
   */
  public int size() {
    return nodes.length;
  }
}

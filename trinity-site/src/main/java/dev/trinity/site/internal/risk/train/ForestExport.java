package dev.trinity.site.internal.risk.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.site.internal.risk.ElementFeatures;
import dev.trinity.site.internal.risk.RiskModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.tribuo.ImmutableFeatureMap;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.common.tree.LeafNode;
import org.tribuo.common.tree.Node;
import org.tribuo.common.tree.SplitNode;
import org.tribuo.common.tree.TreeModel;
import org.tribuo.ensemble.WeightedEnsembleModel;

/**
 * Writes a Tribuo random forest as the JSON {@link dev.trinity.site.internal.risk.TreeEnsemble}
 * reads: Tribuo's trees walked into flat arrays, leaves as normalised class distributions.
 */
final class ForestExport {
  private ForestExport() {}

  /**
   * The forest as JSON: per tree, flat node arrays in depth-first order (children after parents).
   *
   * @param model the trained forest
   * @param classes the class names, in the order of the leaf distributions written
   * @return the model document
   */
  static ObjectNode toJson(WeightedEnsembleModel<Label> model, List<String> classes) {
    ObjectNode root = new ObjectMapper().createObjectNode();
    root.put("format", RiskModel.FORMAT);
    ArrayNode features = root.putArray("features");
    ElementFeatures.NAMES.forEach(features::add);
    ArrayNode classNames = root.putArray("classes");
    classes.forEach(classNames::add);
    ArrayNode trees = root.putArray("trees");
    for (Model<Label> member : model.getModels()) {
      @SuppressWarnings("unchecked")
      TreeModel<Label> tree = (TreeModel<Label>) member;
      List<int[]> structure = new ArrayList<>();
      List<Double> thresholds = new ArrayList<>();
      List<double[]> values = new ArrayList<>();
      walk(tree.getRoot(), tree.getFeatureIDMap(), classes, structure, thresholds, values);
      ObjectNode t = trees.addObject();
      ArrayNode f = t.putArray("feature");
      ArrayNode th = t.putArray("threshold");
      ArrayNode l = t.putArray("left");
      ArrayNode r = t.putArray("right");
      ArrayNode v = t.putArray("value");
      for (int i = 0; i < structure.size(); i++) {
        f.add(structure.get(i)[0]);
        l.add(structure.get(i)[1]);
        r.add(structure.get(i)[2]);
        th.add(thresholds.get(i));
        ArrayNode row = v.addArray();
        for (double x : values.get(i)) {
          row.add(x);
        }
      }
    }
    return root;
  }

  private static int walk(
      Node<Label> node,
      ImmutableFeatureMap map,
      List<String> classes,
      List<int[]> structure,
      List<Double> thresholds,
      List<double[]> values) {
    int id = structure.size();
    if (node.isLeaf()) {
      LeafNode<Label> leaf = (LeafNode<Label>) node;
      double[] d = new double[classes.size()];
      double sum = 0;
      for (Map.Entry<String, Label> e : leaf.getDistribution().entrySet()) {
        int c = classes.indexOf(e.getKey());
        d[c] = e.getValue().getScore();
        sum += d[c];
      }
      if (sum <= 0) {
        d[classes.indexOf(leaf.getOutput().getLabel())] = 1;
        sum = 1;
      }
      for (int c = 0; c < d.length; c++) {
        d[c] /= sum;
      }
      structure.add(new int[] {-1, -1, -1});
      thresholds.add(0.0);
      values.add(d);
      return id;
    }
    SplitNode<Label> split = (SplitNode<Label>) node;
    int feature = ElementFeatures.NAMES.indexOf(map.get(split.getFeatureID()).getName());
    int[] row = {feature, -1, -1};
    structure.add(row);
    thresholds.add(split.splitValue());
    values.add(new double[0]);
    row[1] = walk(split.getLessThanOrEqual(), map, classes, structure, thresholds, values);
    row[2] = walk(split.getGreaterThan(), map, classes, structure, thresholds, values);
    return id;
  }
}

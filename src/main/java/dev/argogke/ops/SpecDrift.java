package dev.argogke.ops;

import dev.argogke.tree.Tree;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a CronWorkflow in the cluster differs from its manifest in {@code workflows/}. Only what the
 * manifest says is compared: fields the API server or Argo fill in (defaults, status, metadata) are
 * not drift. Lists must match item for item.
 */
final class SpecDrift {
    private static final int SHOWN = 40;

    private SpecDrift() {
    }

    /** The differing paths, e.g. {@code spec.schedules[0]: workflows/ has '0 6 * * *', the cluster '0 7 * * *'}. */
    static List<String> compare(Map<String, Object> repoSpec, Map<String, Object> clusterSpec) {
        List<String> out = new ArrayList<>();
        compare(repoSpec, clusterSpec, "spec", out);
        return out;
    }

    private static void compare(Object repo, Object cluster, String path, List<String> out) {
        if (repo == null) {
            return;
        }
        if (repo instanceof Map<?, ?> repoMap) {
            if (!(cluster instanceof Map<?, ?> clusterMap)) {
                out.add(path + ": " + (cluster == null ? "missing in the cluster" : "not a mapping in the cluster"));
                return;
            }
            for (Map.Entry<?, ?> e : repoMap.entrySet()) {
                compare(e.getValue(), clusterMap.get(e.getKey()), Tree.join(path, String.valueOf(e.getKey())), out);
            }
            return;
        }
        if (repo instanceof List<?> repoList) {
            if (!(cluster instanceof List<?> clusterList)) {
                out.add(path + ": " + (cluster == null ? "missing in the cluster" : "not a list in the cluster"));
                return;
            }
            if (repoList.size() != clusterList.size()) {
                out.add(path + ": workflows/ has " + repoList.size() + " items, the cluster " + clusterList.size());
                return;
            }
            for (int i = 0; i < repoList.size(); i++) {
                compare(repoList.get(i), clusterList.get(i), Tree.index(path, i), out);
            }
            return;
        }
        if (cluster == null) {
            out.add(path + ": missing in the cluster (workflows/ has " + show(repo) + ")");
            return;
        }
        if (!sameScalar(repo, cluster)) {
            out.add(path + ": workflows/ has " + show(repo) + ", the cluster " + show(cluster));
        }
    }

    /** Numbers by value (YAML 5 and JSON 5.0), everything else by its text (5 and "5": IntOrString). */
    private static boolean sameScalar(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return String.valueOf(a).equals(String.valueOf(b));
    }

    private static String show(Object v) {
        String s = v instanceof String ? "'" + v + "'" : String.valueOf(v);
        return s.length() > SHOWN ? s.substring(0, SHOWN - 3) + "...'" : s;
    }
}

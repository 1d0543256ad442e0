package govkg.gephi;

import java.io.File;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Import one GraphML or GEXF file with Gephi's importers and default processor,
 * then print, as one JSON object: the node and edge counts, whether the graph is
 * directed, the edge kinds, the attribute columns (by title), every node's
 * label and "type" column, and the importer's issues.
 *
 * <pre>java -cp ... govkg.gephi.GephiRead FILE</pre>
 */
public final class GephiRead {

    private GephiRead() {
    }

    public static void main(String[] args) {
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        projects.newProject();
        Workspace workspace = projects.getCurrentWorkspace();
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        Container container;
        try {
            container = importer.importFile(new File(args[0]));
        } catch (Exception e) {
            System.err.println("gephi-read: cannot import " + args[0] + ": " + e);
            System.exit(2);
            return;
        }
        if (container == null) {
            System.err.println("gephi-read: no importer for " + args[0]);
            System.exit(2);
        }
        List<String> issues = new ArrayList<>();
        Iterator<Issue> it = container.getReport().getIssues(1000);
        while (it.hasNext()) {
            Issue issue = it.next();
            issues.add(issue.getLevel() + ": " + issue.getMessage());
        }
        importer.process(container, new DefaultProcessor(), workspace);
        GraphModel model = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        Graph graph = model.getGraph();

        StringBuilder out = new StringBuilder("{");
        out.append("\"nodes\":").append(graph.getNodeCount());
        out.append(",\"edges\":").append(graph.getEdgeCount());
        out.append(",\"directed\":").append(model.isDirected());
        List<String> kinds = new ArrayList<>();
        for (Object label : model.getEdgeTypeLabels()) {
            if (label != null && graph.getEdgeCount(model.getEdgeType(label)) > 0) {
                kinds.add(String.valueOf(label));
            }
        }
        out.append(",\"edge_kinds\":").append(strings(kinds));
        out.append(",\"node_columns\":").append(strings(titles(model.getNodeTable())));
        out.append(",\"edge_columns\":").append(strings(titles(model.getEdgeTable())));
        Column type = null;
        for (Column column : model.getNodeTable()) {
            if ("type".equals(column.getTitle())) {
                type = column;
            }
        }
        out.append(",\"labels\":{");
        StringBuilder types = new StringBuilder("{");
        boolean first = true;
        for (Node node : graph.getNodes()) {
            String sep = first ? "" : ",";
            out.append(sep).append(quote(String.valueOf(node.getId()))).append(':').append(quote(node.getLabel()));
            Object value = type == null ? null : node.getAttribute(type);
            types.append(sep).append(quote(String.valueOf(node.getId()))).append(':')
                 .append(value == null ? "null" : quote(String.valueOf(value)));
            first = false;
        }
        out.append("},\"types\":").append(types).append('}');
        out.append(",\"issues\":").append(strings(issues)).append('}');
        System.out.println(out);
        System.exit(0);  // the toolkit leaves non-daemon threads behind
    }

    private static List<String> titles(Iterable<Column> columns) {
        List<String> titles = new ArrayList<>();
        for (Column column : columns) {
            titles.add(column.getTitle());
        }
        return titles;
    }

    private static String strings(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            out.append(i == 0 ? "" : ",").append(quote(values.get(i)));
        }
        return out.append(']').toString();
    }

    private static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}

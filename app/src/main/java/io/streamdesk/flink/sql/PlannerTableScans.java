package io.streamdesk.flink.sql;

import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.SourceQueryOperation;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The tables a query reads, from the tree Flink's planner made of it (M5). A SQL query comes back from the parser as
 * the planner's {@code PlannerQueryOperation}, whose {@code getChildren()} is empty: its content is the Calcite tree
 * ({@code getCalciteTree()}) after validation, views already expanded to what they select from. The planner is
 * loaded in a class loader of its own ({@code flink-table-planner-loader}), so that tree is walked by reflection over
 * Calcite's public API: {@code RelNode.getInputs()}, a {@code TableScan}'s {@code getTable()} (Flink's
 * {@code TableSourceTable.contextResolvedTable()}, else {@code RelOptTable.getQualifiedName()}), and the
 * expressions of filters, projections and joins for sub-queries ({@code RexSubQuery.rel}, e.g. {@code IN (SELECT ..)}).
 * Queries built by the Table API ({@link SourceQueryOperation}) are walked through their children.
 */
final class PlannerTableScans {

    /** Bounds the walk: a hand-written query has hundreds of nodes; a pathological one stops here. */
    static final int MAX_NODES = 200_000;

    private static final String TABLE_SCAN = "org.apache.calcite.rel.core.TableScan";
    private static final String REX_SUB_QUERY = "org.apache.calcite.rex.RexSubQuery";
    private static final List<String> EXPRESSION_GETTERS = List.of("getCondition", "getProjects", "getCall");

    private final BiConsumer<ObjectIdentifier, Optional<ContextResolvedTable>> sink;
    private final Map<Object, Boolean> seen = new IdentityHashMap<>();

    private PlannerTableScans(BiConsumer<ObjectIdentifier, Optional<ContextResolvedTable>> sink) {
        this.sink = sink;
    }

    /** Calls {@code sink} for every table {@code query} reads (a table read twice may be reported twice). */
    static void forEachTable(QueryOperation query, BiConsumer<ObjectIdentifier, Optional<ContextResolvedTable>> sink) {
        new PlannerTableScans(sink).query(query);
    }

    private void query(QueryOperation query) {
        if (query == null || !visit(query)) {
            return;
        }
        if (query instanceof SourceQueryOperation source) {
            ContextResolvedTable table = source.getContextResolvedTable();
            sink.accept(table.getIdentifier(), Optional.of(table));
        }
        Method calciteTree = method(query.getClass(), "getCalciteTree");
        if (calciteTree != null) {
            rel(invoke(calciteTree, query));
        }
        for (QueryOperation child : query.getChildren()) {
            query(child);
        }
    }

    private void rel(Object rel) {
        if (rel == null || !visit(rel)) {
            return;
        }
        if (isA(rel.getClass(), TABLE_SCAN)) {
            table(invoke(method(rel.getClass(), "getTable"), rel));
        }
        if (invoke(method(rel.getClass(), "getInputs"), rel) instanceof List<?> inputs) {
            inputs.forEach(this::rel);
        }
        for (String getter : EXPRESSION_GETTERS) {
            Method m = method(rel.getClass(), getter);
            if (m != null) {
                rex(invoke(m, rel));
            }
        }
    }

    private void rex(Object expression) {
        if (expression == null || !visit(expression)) {
            return;
        }
        if (expression instanceof List<?> list) {
            list.forEach(this::rex);
            return;
        }
        if (isA(expression.getClass(), REX_SUB_QUERY)) {
            rel(field(expression, "rel"));
        }
        if (invoke(method(expression.getClass(), "getOperands"), expression) instanceof List<?> operands) {
            operands.forEach(this::rex);
        }
    }

    private void table(Object relOptTable) {
        if (relOptTable == null) {
            return;
        }
        Object resolved = invoke(method(relOptTable.getClass(), "contextResolvedTable"), relOptTable);
        if (resolved instanceof ContextResolvedTable table) {
            sink.accept(table.getIdentifier(), Optional.of(table));
            return;
        }
        if (invoke(method(relOptTable.getClass(), "getQualifiedName"), relOptTable) instanceof List<?> parts
                && parts.size() == 3) {
            sink.accept(ObjectIdentifier.of(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)),
                    String.valueOf(parts.get(2))), Optional.empty());
        }
    }

    private boolean visit(Object node) {
        if (seen.size() >= MAX_NODES) {
            throw new IllegalStateException("The query is too large to trace its tables (more than " + MAX_NODES
                    + " planner nodes).");
        }
        return seen.put(node, Boolean.TRUE) == null;
    }

    private static boolean isA(Class<?> type, String className) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.getName().equals(className)) {
                return true;
            }
        }
        return false;
    }

    private static Method method(Class<?> type, String name) {
        try {
            Method m = type.getMethod(name);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException | RuntimeException e) {
            return null;
        }
    }

    private static Object invoke(Method method, Object target) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static Object field(Object target, String name) {
        for (Class<?> c = target.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(target);
            } catch (NoSuchFieldException e) {
                // declared higher up
            } catch (ReflectiveOperationException | RuntimeException e) {
                return null;
            }
        }
        return null;
    }
}

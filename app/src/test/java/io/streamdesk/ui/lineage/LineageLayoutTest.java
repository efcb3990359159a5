package io.streamdesk.ui.lineage;

import io.streamdesk.model.JobId;
import io.streamdesk.model.lineage.JobLineage;
import io.streamdesk.model.lineage.LineageTable;
import io.streamdesk.model.lineage.TableAccess;
import io.streamdesk.model.lineage.TableLineage;
import io.streamdesk.model.lineage.TableOrigin;
import io.streamdesk.model.lineage.TableUsage;
import io.streamdesk.model.lineage.VersionLineage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The layered layout: sources left, versions in the middle, sinks right; no overlaps; cycles and chains. */
class LineageLayoutTest {

    private static final JobId JOB = new JobId("cql-aaaaaaaa");
    private static final JobId OTHER = new JobId("cql-bbbbbbbb");
    private static final LineageTable T = script("t");
    private static final LineageTable U = script("u");
    private static final LineageTable OUT_A = script("out_a");
    private static final LineageTable OUT_B = script("out_b");
    private static final LineageTable ORDERS = new LineageTable("_dc._db.orders", TableOrigin.CATALOG, "kafka");

    private static LineageTable script(String name) {
        return new LineageTable("default_catalog.default_database." + name, TableOrigin.SCRIPT, "datagen");
    }

    private static VersionLineage version(JobId job, int n, List<LineageTable> reads, List<LineageTable> writes) {
        return new VersionLineage(job, n, reads, writes, "", Instant.EPOCH);
    }

    /** v1 and v2 read t; v3 reads u only (it dropped t). */
    private static JobLineage threeVersions() {
        return new JobLineage(JOB, "orders", List.of(
                version(JOB, 1, List.of(T), List.of(OUT_A)),
                version(JOB, 2, List.of(T, U), List.of(OUT_A)),
                version(JOB, 3, List.of(U), List.of(OUT_B))), List.of());
    }

    @Test
    void aJobsGraphPutsTablesReadLeftVersionsInTheMiddleAndTablesWrittenRight() {
        LineageGraph graph = LineageGraphs.ofJob(threeVersions());
        LineageLayout.Result layout = LineageLayout.layout(graph);

        for (String read : List.of(T.name(), U.name())) {
            assertThat(layout.node(LineageGraphs.tableId(read)).column()).isZero();
        }
        for (int v = 1; v <= 3; v++) {
            assertThat(layout.node(LineageGraphs.versionId(JOB, v)).column()).isEqualTo(1);
        }
        for (String written : List.of(OUT_A.name(), OUT_B.name())) {
            assertThat(layout.node(LineageGraphs.tableId(written)).column()).isEqualTo(2);
        }
        // every line runs left to right from the source's right edge to the target's left edge
        assertThat(layout.lines()).hasSize(7).allSatisfy(line -> {
            assertThat(line.backward()).isFalse();
            assertThat(line.x2()).isGreaterThan(line.x1());
        });
        LineageLayout.Placed v1 = layout.node(LineageGraphs.versionId(JOB, 1));
        LineageLayout.Line tToV1 = layout.lines().stream()
                .filter(l -> l.edge().from().equals(LineageGraphs.tableId(T.name())) && l.edge().to().equals(v1.node().id()))
                .findFirst().orElseThrow();
        assertThat(tToV1.x2()).isEqualTo(v1.x());
        assertThat(tToV1.y2()).isCloseTo(v1.centerY(), within(0.001));
        assertNoOverlapAndInside(layout);
    }

    @Test
    void theDroppedTableAndTheOlderVersionsAreMarked() {
        LineageGraph graph = LineageGraphs.ofJob(threeVersions());

        LineageGraph.Node t = node(graph, LineageGraphs.tableId(T.name()));
        assertThat(t.dropped()).isTrue();
        assertThat(t.subtitle()).contains("no longer used");
        assertThat(t.detail()).contains("read by v1\u2013v2, not by v3");
        assertThat(node(graph, LineageGraphs.tableId(U.name())).dropped()).isFalse();
        assertThat(node(graph, LineageGraphs.versionId(JOB, 3)).focus()).isTrue();
        assertThat(node(graph, LineageGraphs.versionId(JOB, 1)).dropped()).isTrue();
        assertThat(node(graph, LineageGraphs.tableId(T.name())).title()).isEqualTo("t");
        assertThat(graph.edges()).filteredOn(e -> e.to().equals(LineageGraphs.versionId(JOB, 3)))
                .extracting(LineageGraph.Edge::dropped).containsOnly(false);
    }

    @Test
    void neighboursAreOrderedSoThatEdgesDoNotCross() {
        // v1 reads a and writes x; v2 reads b and writes y, listed crosswise
        LineageTable a = script("a");
        LineageTable b = script("b");
        LineageTable x = script("x");
        LineageTable y = script("y");
        LineageGraph graph = new LineageGraph(List.of(
                node("t:" + a.name(), LineageGraph.Kind.TABLE), node("t:" + b.name(), LineageGraph.Kind.TABLE),
                node("v2", LineageGraph.Kind.VERSION), node("v1", LineageGraph.Kind.VERSION),
                node("t:" + y.name(), LineageGraph.Kind.TABLE), node("t:" + x.name(), LineageGraph.Kind.TABLE)),
                List.of(edge("t:" + a.name(), "v1"), edge("t:" + b.name(), "v2"),
                        edge("v1", "t:" + x.name()), edge("v2", "t:" + y.name())), "");
        LineageLayout.Result layout = LineageLayout.layout(graph);

        assertThat(layout.node("v1").row()).isZero();
        assertThat(layout.node("v2").row()).isEqualTo(1);
        assertThat(layout.node("t:" + x.name()).row()).isZero();
        assertThat(layout.node("t:" + y.name()).row()).isEqualTo(1);
    }

    @Test
    void aTableWrittenByOneJobAndReadByAnotherChainsToTheRight() {
        VersionLineage producer = version(JOB, 1, List.of(T), List.of(ORDERS));
        VersionLineage consumer = version(OTHER, 4, List.of(ORDERS), List.of(OUT_B));
        TableLineage lineage = new TableLineage(ORDERS.name(), List.of(
                new TableLineage.JobUse(JOB, "producer", List.of(producer),
                        TableUsage.across(List.of(producer), List.of(1)).stream()
                                .filter(u -> u.table().equals(ORDERS)).toList()),
                new TableLineage.JobUse(OTHER, "consumer", List.of(consumer),
                        TableUsage.across(List.of(consumer), List.of(4)).stream()
                                .filter(u -> u.table().equals(ORDERS)).toList())));
        LineageGraph graph = LineageGraphs.ofTable(lineage);
        LineageLayout.Result layout = LineageLayout.layout(graph);

        assertThat(layout.node(LineageGraphs.tableId(T.name())).column()).isZero();
        assertThat(layout.node(LineageGraphs.versionId(JOB, 1)).column()).isEqualTo(1);
        assertThat(layout.node(LineageGraphs.tableId(ORDERS.name())).column()).isEqualTo(2);
        assertThat(layout.node(LineageGraphs.versionId(OTHER, 4)).column()).isEqualTo(3);
        assertThat(layout.node(LineageGraphs.tableId(OUT_B.name())).column()).isEqualTo(4);
        LineageGraph.Node focus = node(graph, LineageGraphs.tableId(ORDERS.name()));
        assertThat(focus.focus()).isTrue();
        assertThat(focus.title()).isEqualTo("_dc._db.orders"); // a catalog table by its three-part name
        assertThat(focus.detail()).contains("producer: written by v1").contains("consumer: read by v4");
        assertThat(node(graph, LineageGraphs.versionId(OTHER, 4)).title()).isEqualTo("consumer");
        assertNoOverlapAndInside(layout);
    }

    @Test
    void aVersionReadingTheTableItWritesIsDrawnWithABackwardEdgeInsteadOfLooping() {
        LineageGraph graph = LineageGraphs.ofJob(new JobLineage(JOB, "loop", List.of(
                version(JOB, 1, List.of(T), List.of(T))), List.of()));
        LineageLayout.Result layout = LineageLayout.layout(graph);

        assertThat(layout.nodes()).hasSize(2);
        assertThat(layout.lines()).hasSize(2);
        assertThat(layout.lines()).filteredOn(LineageLayout.Line::backward).hasSize(1);
        // the version writes the table to its right; its read comes back from there
        assertThat(layout.node(LineageGraphs.versionId(JOB, 1)).column())
                .isLessThan(layout.node(LineageGraphs.tableId(T.name())).column());
    }

    @Test
    void aVersionThatUsesNoTableStillStandsRightOfTheTables() {
        LineageGraph graph = LineageGraphs.ofJob(new JobLineage(JOB, "mixed", List.of(
                version(JOB, 1, List.of(), List.of()), version(JOB, 2, List.of(T), List.of())), List.of(3)));
        LineageLayout.Result layout = LineageLayout.layout(graph);

        assertThat(layout.node(LineageGraphs.versionId(JOB, 1)).column()).isEqualTo(1);
        assertThat(layout.node(LineageGraphs.tableId(T.name())).column()).isZero();
        assertThat(graph.note()).isEqualTo("The tables of v3 could not be read yet.");
    }

    @Test
    void aLargeGraphIsCutAtTheNodeLimitAndSaysSo() {
        List<LineageTable> many = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            many.add(script("t" + i));
        }
        LineageGraph graph = LineageGraphs.ofJob(new JobLineage(JOB, "wide", List.of(
                version(JOB, 1, many, List.of())), List.of()));
        LineageLayout.Result layout = LineageLayout.layout(graph);

        assertThat(graph.nodes()).hasSize(LineageGraphs.MAX_NODES);
        assertThat(graph.note()).contains("101 more");
        assertThat(layout.height()).isGreaterThan(LineageGraphs.MAX_NODES * LineageLayout.NODE_HEIGHT);
        assertNoOverlapAndInside(layout);
    }

    @Test
    void anEmptyGraphHasNoSize() {
        LineageLayout.Result layout = LineageLayout.layout(LineageGraph.EMPTY);
        assertThat(layout.nodes()).isEmpty();
        assertThat(layout.width()).isZero();
    }

    private static void assertNoOverlapAndInside(LineageLayout.Result layout) {
        List<LineageLayout.Placed> nodes = layout.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            LineageLayout.Placed a = nodes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(layout.width());
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(layout.height());
            for (int j = i + 1; j < nodes.size(); j++) {
                LineageLayout.Placed b = nodes.get(j);
                boolean apart = a.x() + a.width() <= b.x() || b.x() + b.width() <= a.x()
                        || a.y() + a.height() <= b.y() || b.y() + b.height() <= a.y();
                assertThat(apart).as("%s and %s overlap", a.node().id(), b.node().id()).isTrue();
            }
        }
    }

    private static LineageGraph.Node node(LineageGraph graph, String id) {
        return graph.nodes().stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow();
    }

    private static LineageGraph.Node node(String id, LineageGraph.Kind kind) {
        return new LineageGraph.Node(id, kind, id, "", "", false, false, null, 0, null, null);
    }

    private static LineageGraph.Edge edge(String from, String to) {
        return new LineageGraph.Edge(from, to, from.startsWith("t:") ? TableAccess.READ : TableAccess.WRITE, false);
    }
}

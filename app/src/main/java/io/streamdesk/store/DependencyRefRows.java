package io.streamdesk.store;

import io.streamdesk.model.dependency.DependencyRef;
import io.streamdesk.service.port.StoreException;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The dependency references of drafts ({@code draft_dependency}) and of published versions
 * ({@code job_version_dependency}, frozen at publish: V1), written in the job and version stores' transactions. Their
 * foreign keys to {@code dependency_version} refuse a reference to a version that does not exist (V13).
 */
final class DependencyRefRows {
    /** At most this many dependencies per job (S3). */
    static final int MAX_PER_JOB = 100;

    private DependencyRefRows() {
    }

    static List<DependencyRef> draft(Session session, String jobId) {
        return read(session, "select dependency_name, version, sha256 from draft_dependency where job_id = :owner "
                + "order by position", jobId);
    }

    static void replaceDraft(Session session, String jobId, List<DependencyRef> refs) {
        check(refs);
        session.createNativeMutationQuery("delete from draft_dependency where job_id = :job")
                .setParameter("job", jobId).executeUpdate();
        int position = 0;
        for (DependencyRef ref : refs) {
            session.createNativeMutationQuery("insert into draft_dependency (job_id, position, dependency_name, version, "
                            + "sha256) values (:owner, :pos, :name, :version, :sha)")
                    .setParameter("owner", jobId).setParameter("pos", position++).setParameter("name", ref.name())
                    .setParameter("version", ref.version()).setParameter("sha", ref.sha256())
                    .executeUpdate();
        }
    }

    static void insertVersion(Session session, long versionId, List<DependencyRef> refs) {
        check(refs);
        int position = 0;
        for (DependencyRef ref : refs) {
            session.createNativeMutationQuery("insert into job_version_dependency (job_version_id, position, "
                            + "dependency_name, version, sha256) values (:owner, :pos, :name, :version, :sha)")
                    .setParameter("owner", versionId).setParameter("pos", position++).setParameter("name", ref.name())
                    .setParameter("version", ref.version()).setParameter("sha", ref.sha256())
                    .executeUpdate();
        }
    }

    static List<DependencyRef> version(Session session, long versionId) {
        return read(session, "select dependency_name, version, sha256 from job_version_dependency "
                + "where job_version_id = :owner order by position", versionId);
    }

    /** The references of all versions of a job, by version row id (one query for a version list). */
    static Map<Long, List<DependencyRef>> versionsOfJob(Session session, String jobId) {
        Map<Long, List<DependencyRef>> out = new LinkedHashMap<>();
        for (Object[] row : session.createNativeQuery("select r.job_version_id, r.dependency_name, r.version, r.sha256 "
                        + "from job_version_dependency r join job_version v on v.id = r.job_version_id "
                        + "where v.job_id = :job order by r.job_version_id, r.position", Object[].class)
                .setParameter("job", jobId).getResultList()) {
            out.computeIfAbsent(((Number) row[0]).longValue(), k -> new ArrayList<>())
                    .add(new DependencyRef((String) row[1], ((Number) row[2]).intValue(), ((String) row[3]).trim()));
        }
        return out;
    }

    private static List<DependencyRef> read(Session session, String sql, Object owner) {
        List<DependencyRef> refs = new ArrayList<>();
        for (Object[] row : session.createNativeQuery(sql, Object[].class).setParameter("owner", owner).getResultList()) {
            refs.add(new DependencyRef((String) row[0], ((Number) row[1]).intValue(), ((String) row[2]).trim()));
        }
        return refs;
    }

    private static void check(List<DependencyRef> refs) {
        if (refs.size() > MAX_PER_JOB) {
            throw new StoreException("Dependencies: at most " + MAX_PER_JOB + " per job (got " + refs.size() + ").");
        }
        Set<String> names = new HashSet<>();
        for (DependencyRef ref : refs) {
            if (ref.sha256() == null || ref.sha256().length() != 64) {
                throw new StoreException("Dependencies: " + ref + " has no sha256; resolve it before saving.");
            }
            if (!names.add(ref.name())) {
                throw new StoreException("Dependencies: " + ref.name() + " is referenced twice; a job uses one version.");
            }
        }
    }
}

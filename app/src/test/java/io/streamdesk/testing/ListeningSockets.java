package io.streamdesk.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sockets a process listens on, read from Linux's /proc (S4 tests): {@code /proc/<pid>/net/tcp}, {@code tcp6},
 * {@code udp} and {@code udp6} list every socket of the process's network namespace, so they are joined with the
 * socket inodes behind the process's own file descriptors ({@code /proc/<pid>/fd/* -> socket:[inode]}).
 *
 * <p>Reads another process's fd links only when it runs as the same user (or as root), as the test's own child JVMs do.
 */
public final class ListeningSockets {
    private static final Pattern SOCKET_LINK = Pattern.compile("socket:\\[(\\d+)]");
    /** TCP_LISTEN in include/net/tcp_states.h. */
    private static final String TCP_LISTEN = "0A";

    private ListeningSockets() {
    }

    /** One listening TCP socket or bound UDP socket of a process. */
    public record Socket(String protocol, InetAddress address, int port, long inode) {
        public boolean onLoopback() {
            return address.isLoopbackAddress();
        }

        @Override
        public String toString() {
            return protocol + " " + address.getHostAddress() + ":" + port + " (inode " + inode + ")";
        }
    }

    /** Every TCP socket in LISTEN and every bound UDP socket of process {@code pid}. */
    public static List<Socket> of(long pid) throws IOException {
        Path proc = Path.of("/proc", Long.toString(pid));
        Set<Long> inodes = socketInodes(proc.resolve("fd"));
        List<Socket> out = new ArrayList<>();
        for (String protocol : List.of("tcp", "tcp6", "udp", "udp6")) {
            Path table = proc.resolve("net").resolve(protocol);
            if (!Files.exists(table)) {
                continue; // no IPv6 in this kernel
            }
            List<String> lines = Files.readAllLines(table, StandardCharsets.US_ASCII);
            for (String line : lines.subList(1, lines.size())) { // the first line is the header
                Socket s = parse(protocol, line.trim());
                if (s != null && inodes.contains(s.inode())) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    /**
     * A row of a /proc/net table: {@code sl local_address rem_address st ... uid timeout inode ...}; null for a TCP
     * socket that is not listening (connections the process made) or a UDP socket on port 0.
     */
    static Socket parse(String protocol, String row) {
        String[] f = row.split("\\s+");
        if (f.length < 10) {
            return null;
        }
        boolean tcp = protocol.startsWith("tcp");
        if (tcp && !f[3].equals(TCP_LISTEN)) {
            return null;
        }
        String[] local = f[1].split(":");
        int port = Integer.parseInt(local[1], 16);
        if (!tcp && port == 0) {
            return null;
        }
        return new Socket(protocol, address(local[0]), port, Long.parseLong(f[9]));
    }

    /**
     * The kernel prints each 32-bit word of the address in host byte order (little-endian here): 0100007F is
     * 127.0.0.1, and an IPv6 address is four such words.
     */
    static InetAddress address(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int word = 0; word < bytes.length / 4; word++) {
            for (int i = 0; i < 4; i++) {
                int from = word * 8 + (3 - i) * 2;
                bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(from, from + 2), 16);
            }
        }
        try {
            return InetAddress.getByAddress(bytes); // an IPv4-mapped IPv6 address comes back as its IPv4 address
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address: " + hex, e);
        }
    }

    private static Set<Long> socketInodes(Path fdDir) throws IOException {
        Set<Long> inodes = new HashSet<>();
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(fdDir)) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException e) {
                    continue; // closed while we listed
                }
                Matcher m = SOCKET_LINK.matcher(target);
                if (m.matches()) {
                    inodes.add(Long.parseLong(m.group(1)));
                }
            }
        }
        return inodes;
    }
}

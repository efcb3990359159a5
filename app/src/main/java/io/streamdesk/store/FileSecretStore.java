package io.streamdesk.store;

import io.streamdesk.service.port.SecretStore;
import io.streamdesk.service.port.StoreException;

import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Properties;

/**
 * Secrets in one file ({@code secrets.properties}: id -> base64 of IV + AES-256-GCM ciphertext), the key in
 * another ({@code secret.key}); both owner-only (rw-------), neither in the database (decision 7). Values are
 * never logged; labels are kept in clear to tell entries apart.
 */
public final class FileSecretStore implements SecretStore {
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path file;
    private final Path keyFile;
    private final SecretKey key;

    public FileSecretStore(Path directory) {
        this.file = directory.resolve("secrets.properties");
        this.keyFile = directory.resolve("secret.key");
        try {
            Files.createDirectories(directory);
            this.key = loadOrCreateKey();
        } catch (IOException | GeneralSecurityException e) {
            throw new StoreException("Opening the secret store in " + directory + " failed: " + e.getMessage(), e);
        }
    }

    private SecretKey loadOrCreateKey() throws IOException, GeneralSecurityException {
        if (Files.exists(keyFile)) {
            return new SecretKeySpec(Files.readAllBytes(keyFile), "AES");
        }
        KeyGenerator gen = KeyGenerator.getInstance("AES");
        gen.init(256, RANDOM);
        SecretKey k = gen.generateKey();
        writeOwnerOnly(keyFile, k.getEncoded());
        return k;
    }

    @Override
    public synchronized String put(String label, String value) {
        byte[] raw = new byte[4];
        RANDOM.nextBytes(raw);
        String id = "sec-" + HexFormat.of().formatHex(raw);
        Properties p = load();
        p.setProperty(id, encrypt(value));
        p.setProperty(id + ".label", label == null ? "" : label);
        save(p);
        return id;
    }

    @Override
    public synchronized Optional<String> get(String id) {
        String stored = load().getProperty(id);
        return stored == null ? Optional.empty() : Optional.of(decrypt(stored));
    }

    @Override
    public synchronized void delete(String id) {
        Properties p = load();
        p.remove(id);
        p.remove(id + ".label");
        save(p);
    }

    private String encrypt(String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(value.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new StoreException("Encrypting a secret failed", e);
        }
    }

    private String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            return new String(c.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new StoreException("A secret could not be decrypted (was " + keyFile.getFileName() + " replaced?)", e);
        }
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            } catch (IOException e) {
                throw new StoreException("Reading " + file + " failed: " + e.getMessage(), e);
            }
        }
        return p;
    }

    private void save(Properties p) {
        try {
            var out = new java.io.ByteArrayOutputStream();
            p.store(out, "StreamDesk secrets (AES-GCM; the key is in secret.key)");
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            writeOwnerOnly(tmp, out.toByteArray());
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new StoreException("Writing " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path path, byte[] bytes) throws IOException {
        Files.deleteIfExists(path);
        try {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(path); // not a POSIX file system (Windows): the user profile protects it
        }
        Files.write(path, bytes);
    }
}

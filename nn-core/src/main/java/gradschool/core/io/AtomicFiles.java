package gradschool.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.zip.CRC32;

/**
 * Writes a file atomically: a reader (or a crash) sees either the old content or the new, never a
 * half-written file.
 *
 * <p>The steps, for a target {@code model.npz}:
 * <ol>
 *   <li>If the target is a symbolic link, follow it (link by link): the file it points to is
 *       replaced and the link stays a link.</li>
 *   <li>Remove temporary files that earlier saves of the same target left behind when they were
 *       killed. A save in progress holds an exclusive lock on its temporary file, so only files whose
 *       writer is gone are removed.</li>
 *   <li>Create {@code .model.npz.<16 hex digits>.gradschool-tmp} in the target's directory, lock it,
 *       write the content, force it to disk.</li>
 *   <li>Give it the target's POSIX permissions (if the target exists), then rename it over the
 *       target ({@code ATOMIC_MOVE}, or a plain replacing move where the file system cannot rename
 *       atomically).</li>
 * </ol>
 * If writing fails, the temporary file is deleted and the target is untouched.
 *
 * <p>File systems limit a name to 255 <em>bytes</em> (ext4, XFS, APFS; NTFS to 255 UTF-16 units,
 * which UTF-8 bytes never undercount). A target name over {@value #MAX_BASE_BYTES} bytes in UTF-8
 * is shortened in the temporary name to its first {@value #KEPT_BYTES} bytes or fewer (whole
 * characters only), a {@code ~} and the CRC-32 of the full name in 8 hex digits, so the temporary
 * name stays under 255 bytes and still tells which target it belongs to.
 */
final class AtomicFiles {

    /** Ends every temporary file name, so a stray one says where it came from. */
    static final String TEMPORARY_SUFFIX = ".gradschool-tmp";

    /** The longest target name (UTF-8 bytes) used whole in a temporary name. */
    static final int MAX_BASE_BYTES = 200;

    /** How many bytes of a longer name are kept before its checksum. */
    static final int KEPT_BYTES = MAX_BASE_BYTES - 9;

    /** Hex digits of the random part of a temporary name. */
    private static final int RANDOM_DIGITS = 16;

    /** Symbolic links followed before giving up, as Linux's own limit (ELOOP). */
    private static final int MAX_LINKS = 40;

    private static final int BUFFER_BYTES = 1 << 16;

    /**
     * The temporary files this JVM is writing right now. Another thread's cleanup skips them without
     * opening them: on POSIX systems, closing any channel to a file drops every lock this process
     * holds on it, so merely testing the lock from here would unlock the writer's file.
     */
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();

    private AtomicFiles() {}

    /** Writes bytes into a stream: the body of an atomic file write. */
    @FunctionalInterface
    interface Content {
        /**
         * Writes the content.
         *
         * @param out the stream; the caller closes it
         * @throws IOException if writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code file} atomically, following symbolic links, keeping its permissions and removing
     * stale temporary files of earlier, killed writes of the same file.
     *
     * @param file the file to create or replace
     * @param content writes the new content
     * @throws IOException if the file cannot be written; it is then unchanged
     */
    static void write(Path file, Content content) throws IOException {
        Path linked = followLinks(file.toAbsolutePath());
        if (linked.getFileName() == null) {
            throw new FileSystemException(file.toString(), null, "not a file name");
        }
        // One spelling of the directory, so that IN_PROGRESS recognises this JVM's files however the
        // target was named ("runs/../runs/m.npz", a linked directory).
        Path target = linked.getParent().toRealPath().resolve(linked.getFileName());
        String base = temporaryBase(target.getFileName().toString());
        removeStaleTemporaries(target, base);
        FileChannel channel = null;
        Path temporary = null;
        boolean moved = false;
        try {
            for (int attempt = 0; channel == null; attempt++) {
                Path candidate = target.resolveSibling(base + randomHex() + TEMPORARY_SUFFIX);
                channel = createLocked(candidate, attempt);
                temporary = channel != null ? candidate : null; // only a file we created and locked is ours
            }
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
            content.writeTo(out);
            out.flush();
            channel.force(true); // the bytes reach the disk before the name points at them
            copyPermissions(target, temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            try {
                if (channel != null) {
                    channel.close(); // also releases the lock, only now that the file has its name
                }
            } finally {
                if (temporary != null) {
                    if (!moved) {
                        Files.deleteIfExists(temporary);
                    }
                    IN_PROGRESS.remove(temporary);
                }
            }
        }
    }

    /**
     * Returns the file a chain of symbolic links ends at (which need not exist yet), or the path
     * itself if it is not a link.
     */
    static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int links = 0; Files.isSymbolicLink(current); links++) {
            if (links == MAX_LINKS) {
                throw new FileSystemException(path.toString(), null,
                        "more than " + MAX_LINKS + " symbolic links in a row (a loop?)");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current)); // an absolute link replaces all
        }
        return current;
    }

    /**
     * Returns the start of every temporary name for a target: {@code .name.}, with the name shortened
     * as the class javadoc says when it is over {@value #MAX_BASE_BYTES} bytes in UTF-8.
     */
    static String temporaryBase(String targetName) {
        byte[] utf8 = targetName.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BASE_BYTES) {
            return "." + targetName + ".";
        }
        StringBuilder kept = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < targetName.length(); ) {
            int codePoint = targetName.codePointAt(i);
            int length = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + length > KEPT_BYTES) {
                break;
            }
            kept.appendCodePoint(codePoint);
            bytes += length;
            i += Character.charCount(codePoint);
        }
        CRC32 crc = new CRC32();
        crc.update(utf8);
        return "." + kept + "~" + String.format("%08x", crc.getValue()) + ".";
    }

    /** Returns whether a file name is a temporary name of the target whose base is given. */
    static boolean isTemporaryName(String name, String base) {
        if (!name.startsWith(base) || !name.endsWith(TEMPORARY_SUFFIX)
                || name.length() != base.length() + RANDOM_DIGITS + TEMPORARY_SUFFIX.length()) {
            return false;
        }
        for (int i = base.length(); i < base.length() + RANDOM_DIGITS; i++) {
            char c = name.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Deletes the target's temporary files whose writer has gone (a killed save): those not being
     * written by this JVM and not locked by another process. Best effort: a file that cannot be
     * checked or deleted is left for a later save, and never makes this save fail.
     */
    private static void removeStaleTemporaries(Path target, String base) {
        Path directory = target.getParent();
        try (DirectoryStream<Path> candidates =
                Files.newDirectoryStream(directory, p -> isTemporaryName(p.getFileName().toString(), base))) {
            for (Path candidate : candidates) {
                if (!IN_PROGRESS.contains(candidate)) {
                    removeIfUnlocked(candidate);
                }
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable directory or a vanished file: nothing to clean, or not ours to clean
        }
    }

    private static void removeIfUnlocked(Path candidate) {
        if (!Files.isRegularFile(candidate, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        // A shared lock needs only read access: a stale file with read-only permissions is removed too.
        try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) { // no live writer: it would hold an exclusive lock
                Files.deleteIfExists(candidate);
            }
        } catch (IOException | OverlappingFileLockException e) {
            // locked in a way we cannot test, or gone already: leave it
        }
    }

    /**
     * Creates the temporary file and locks it, or returns null if the name is taken (or the file was
     * removed by another save's cleanup before the lock was taken) so that the caller tries another.
     */
    private static FileChannel createLocked(Path temporary, int attempt) throws IOException {
        IN_PROGRESS.add(temporary); // before the file exists, so that no cleanup in this JVM opens it
        FileChannel channel;
        try {
            // Not Files.createTempFile: that makes the file readable by its owner only, and a new
            // target would keep those permissions.
            channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        } catch (FileAlreadyExistsException e) {
            IN_PROGRESS.remove(temporary);
            if (attempt >= 100) {
                throw e;
            }
            return null;
        } catch (IOException | RuntimeException e) {
            IN_PROGRESS.remove(temporary);
            throw e;
        }
        boolean ours = false;
        try {
            // Another process's cleanup may have opened (and even deleted) the new file before the
            // lock: then start again under another name.
            ours = channel.tryLock() != null && Files.exists(temporary, LinkOption.NOFOLLOW_LINKS);
        } finally {
            if (!ours) {
                channel.close();
                Files.deleteIfExists(temporary);
                IN_PROGRESS.remove(temporary);
            }
        }
        if (!ours && attempt >= 100) {
            throw new FileSystemException(temporary.toString(), null, "cannot create and lock a temporary file");
        }
        return ours ? channel : null;
    }

    /** Gives the temporary file the target's POSIX permissions, where there are both. */
    private static void copyPermissions(Path target, Path temporary) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(target);
        } catch (UnsupportedOperationException | NoSuchFileException e) {
            return; // not a POSIX file system, or a new file: the default permissions are right
        }
        Files.setPosixFilePermissions(temporary, permissions);
    }

    private static String randomHex() {
        return String.format("%016x", ThreadLocalRandom.current().nextLong());
    }
}

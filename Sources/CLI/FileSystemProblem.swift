import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What to tell an operator about a failed file system call, by its `errno`: a full disk, no inodes
/// left and a used-up quota each say so, because "No such file or directory" or a bare code sends
/// them looking in the wrong place.
enum FileSystemProblem {
    static func hint(for code: Int32) -> String? {
        switch code {
        case ENOSPC:
            return "the disk is full, or out of inodes (many small files): see 'df -h' and 'df -i' for the folder, free some space and build again"
        case EDQUOT:
            return "your disk quota is used up: see 'quota -s', free some space and build again"
        case EACCES, EPERM:
            return "this user may not write there: check the folder's owner and permissions"
        case EROFS:
            return "the file system is mounted read-only"
        default:
            return nil
        }
    }
}

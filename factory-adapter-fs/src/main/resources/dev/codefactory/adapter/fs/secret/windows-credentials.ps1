# Code-Factory: one operation on a generic credential of the Windows Credential Manager (advapi32 Cred*W).
# Run by WindowsCredentialStore as: powershell.exe -NoProfile -NonInteractive -ExecutionPolicy Bypass
#   -EncodedCommand <this script>. Input: FACTORY_CRED_OP (get, set or delete) and FACTORY_CRED_TARGET in the
# environment; for set, the secret as base64 of its UTF-8 bytes on standard input, never in an argument.
# Output: get writes the stored bytes as base64 on standard output. Exit 0 done, 3 not found,
# anything else failed with one line on standard error that never holds the secret.
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
try {
    Add-Type -TypeDefinition @'
using System;
using System.ComponentModel;
using System.Runtime.InteropServices;
using FILETIME = System.Runtime.InteropServices.ComTypes.FILETIME;

public static class FactoryCredentials {
    const int CRED_TYPE_GENERIC = 1;
    const int CRED_PERSIST_LOCAL_MACHINE = 2;
    const int ERROR_NOT_FOUND = 1168;

    [StructLayout(LayoutKind.Sequential, CharSet = CharSet.Unicode)]
    public struct CREDENTIAL {
        public int Flags;
        public int Type;
        public string TargetName;
        public string Comment;
        public FILETIME LastWritten;
        public int CredentialBlobSize;
        public IntPtr CredentialBlob;
        public int Persist;
        public int AttributeCount;
        public IntPtr Attributes;
        public string TargetAlias;
        public string UserName;
    }

    [DllImport("advapi32.dll", EntryPoint = "CredReadW", CharSet = CharSet.Unicode, SetLastError = true)]
    static extern bool CredReadW(string target, int type, int flags, out IntPtr credential);

    [DllImport("advapi32.dll", EntryPoint = "CredWriteW", CharSet = CharSet.Unicode, SetLastError = true)]
    static extern bool CredWriteW(ref CREDENTIAL credential, int flags);

    [DllImport("advapi32.dll", EntryPoint = "CredDeleteW", CharSet = CharSet.Unicode, SetLastError = true)]
    static extern bool CredDeleteW(string target, int type, int flags);

    [DllImport("advapi32.dll", EntryPoint = "CredFree")]
    static extern void CredFree(IntPtr buffer);

    // The blob's bytes, or null when there is no such credential.
    public static byte[] Read(string target) {
        IntPtr p;
        if (!CredReadW(target, CRED_TYPE_GENERIC, 0, out p)) {
            int error = Marshal.GetLastWin32Error();
            if (error == ERROR_NOT_FOUND) {
                return null;
            }
            throw new Win32Exception(error);
        }
        try {
            CREDENTIAL c = (CREDENTIAL) Marshal.PtrToStructure(p, typeof(CREDENTIAL));
            byte[] blob = new byte[c.CredentialBlobSize];
            if (blob.Length > 0) {
                Marshal.Copy(c.CredentialBlob, blob, 0, blob.Length);
            }
            return blob;
        } finally {
            CredFree(p);
        }
    }

    public static void Write(string target, byte[] blob) {
        CREDENTIAL c = new CREDENTIAL();
        c.Type = CRED_TYPE_GENERIC;
        c.TargetName = target;
        c.Comment = "Code-Factory";
        c.Persist = CRED_PERSIST_LOCAL_MACHINE;
        c.CredentialBlobSize = blob.Length;
        c.CredentialBlob = Marshal.AllocHGlobal(blob.Length);
        try {
            Marshal.Copy(blob, 0, c.CredentialBlob, blob.Length);
            if (!CredWriteW(ref c, 0)) {
                throw new Win32Exception(Marshal.GetLastWin32Error());
            }
        } finally {
            Marshal.Copy(new byte[blob.Length], 0, c.CredentialBlob, blob.Length);
            Marshal.FreeHGlobal(c.CredentialBlob);
        }
    }

    // False when there was no such credential.
    public static bool Delete(string target) {
        if (CredDeleteW(target, CRED_TYPE_GENERIC, 0)) {
            return true;
        }
        int error = Marshal.GetLastWin32Error();
        if (error == ERROR_NOT_FOUND) {
            return false;
        }
        throw new Win32Exception(error);
    }
}
'@
    $target = $env:FACTORY_CRED_TARGET
    if ([string]::IsNullOrEmpty($target)) {
        [Console]::Error.WriteLine('FACTORY_CRED_TARGET is not set')
        exit 2
    }
    switch ($env:FACTORY_CRED_OP) {
        'get' {
            $blob = [FactoryCredentials]::Read($target)
            if ($null -eq $blob) {
                exit 3
            }
            [Console]::Out.Write([Convert]::ToBase64String($blob))
            exit 0
        }
        'set' {
            $blob = [Convert]::FromBase64String([Console]::In.ReadToEnd().Trim())
            [FactoryCredentials]::Write($target, $blob)
            exit 0
        }
        'delete' {
            if ([FactoryCredentials]::Delete($target)) {
                exit 0
            }
            exit 3
        }
        default {
            [Console]::Error.WriteLine('unknown FACTORY_CRED_OP: ' + $env:FACTORY_CRED_OP)
            exit 2
        }
    }
} catch {
    [Console]::Error.WriteLine(($_.Exception.Message -split "`r?`n")[0])
    exit 1
}

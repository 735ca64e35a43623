"""Errors of the working file. Messages are for the user: Chinese first, English after."""


class WorkingFileError(Exception):
    """Anything that stops a working file from being opened, created or saved."""


class WrongPassword(WorkingFileError):
    def __init__(self) -> None:
        super().__init__("密码错误，文件未被修改。 (Wrong password; the file was not changed.)")


class NotAWorkingFile(WorkingFileError):
    pass


class NewerFileVersion(WorkingFileError):
    pass


class FileLocked(WorkingFileError):
    pass

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


def database_errors() -> tuple[type[BaseException], ...]:
    """The driver's and SQLAlchemy's errors: what a damaged or busy file raises."""
    import sqlcipher3
    from sqlalchemy.exc import DBAPIError

    return sqlcipher3.Error, DBAPIError


def damaged_errors() -> tuple[type[BaseException], ...]:
    """What reading a damaged page raises (a diagnosis reports it rather than failing)."""
    import sqlcipher3
    from sqlalchemy.exc import DBAPIError

    return sqlcipher3.DatabaseError, DBAPIError


def unwrap(exc: BaseException) -> BaseException:
    """The driver's own error inside SQLAlchemy's wrapper."""
    return getattr(exc, "orig", None) or exc

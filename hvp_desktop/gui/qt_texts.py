"""Qt's own texts that its Chinese catalogue (qtbase_zh_CN of Qt 6.11) lacks, so that Qt's file
dialog speaks Chinese in the Chinese UI: lupdate finds them here, our catalogue translates them
under Qt's own contexts, and Qt looks them up there after its own. Nothing imports this module."""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_OWN_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
    QT_TRANSLATE_NOOP("QAbstractFileIconProvider", "Folder"),
)

"""A workaround for PySide6 keeping Python wrappers of layout items that Qt deletes behind its back.

Adding a layout that already holds widgets (`row.addWidget(x); outer.addLayout(row)`, the natural order and the
one used all over the screens) makes PySide walk the inner layout to set ownership, and that walk creates a
Python wrapper for every QWidgetItem in it. Qt later deletes those items without telling Python: when a
widget moves to another parent, when `removeWidget` is called, when the layout goes. QLayoutItem is not a
QObject, so the wrapper stays registered at the freed address; the next Qt object allocated there comes back
to Python as that old wrapper. Seen as `'QWidgetItem' object has no attribute 'setSectionResizeMode'` from
`QTableWidget.horizontalHeader()` once in a few hundred step changes.

`install()` wraps the calls that walk a layout so that, right after them, the item wrappers the walk made are
forgotten (`Shiboken.invalidate`; the C++ items stay with their layouts). The game never keeps a layout item.
"""

from PySide6.QtWidgets import QBoxLayout, QFormLayout, QGridLayout, QLayout, QWidget
from shiboken6 import Shiboken


def forget_items(layout: QLayout) -> None:
    """Drop the Python wrappers of `layout`'s widget and spacer items, through its nested layouts."""
    for n in range(layout.count()):
        item = layout.itemAt(n)
        if isinstance(item, QLayout):
            forget_items(item)
        elif item is not None and Shiboken.isValid(item):
            Shiboken.invalidate(item)


def _forgetting(method):
    def call(self, *args, **kwargs):
        result = method(self, *args, **kwargs)
        for added in args:
            if isinstance(added, QLayout):
                forget_items(added)
        return result

    call.__name__ = method.__name__  # not __doc__: asking PySide for it loads its signature parser (0.2 s)
    return call


def install() -> None:
    """Once per process, before any screen is built."""
    if getattr(QLayout, "_technomagic_fixed", False):
        return
    QLayout._technomagic_fixed = True
    for cls, name in (
        (QBoxLayout, "addLayout"),
        (QBoxLayout, "insertLayout"),
        (QGridLayout, "addLayout"),
        (QFormLayout, "addRow"),
        (QFormLayout, "insertRow"),
        (QWidget, "setLayout"),
    ):
        setattr(cls, name, _forgetting(getattr(cls, name)))

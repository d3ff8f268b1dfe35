#pragma once

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStringList>
#include <QWidget>

// The controls of `root` that a keyboard or screen-reader user could not use: not reachable
// with Tab, or with neither an accessible name nor a visible text.
inline QStringList inaccessibleControls(QWidget *root)
{
    QStringList bad;
    for (QWidget *w : root->findChildren<QWidget *>()) {
        const bool control = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QAbstractSpinBox *>(w) || qobject_cast<QComboBox *>(w) || qobject_cast<QPlainTextEdit *>(w);
        if (!control || qobject_cast<QAbstractSpinBox *>(w->parent()) || qobject_cast<QComboBox *>(w->parent()))  // inner edits
            continue;
        const auto *button = qobject_cast<QAbstractButton *>(w);
        const bool named = !w->accessibleName().isEmpty() || (button && !button->text().isEmpty());
        if (!named || !(w->focusPolicy() & Qt::TabFocus))
            bad.append(QStringLiteral("%1 '%2'").arg(QLatin1String(w->metaObject()->className()), w->objectName()));
    }
    return bad;
}

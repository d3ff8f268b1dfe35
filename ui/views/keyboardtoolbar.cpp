#include "keyboardtoolbar.h"

#include <QActionEvent>
#include <QToolButton>

namespace mp2p {

KeyboardToolBar::KeyboardToolBar(const QString &title, QWidget *parent)
    : QToolBar(title, parent)
{
    setAccessibleName(title);
}

void KeyboardToolBar::actionEvent(QActionEvent *event)
{
    QToolBar::actionEvent(event);  // creates the button for an added action
    if (event->type() == QEvent::ActionAdded || event->type() == QEvent::ActionChanged)
        makeReachable(event->action());
}

void KeyboardToolBar::makeReachable(QAction *action)
{
    auto *button = qobject_cast<QToolButton *>(widgetForAction(action));
    if (!button || action->isSeparator())
        return;
    button->setFocusPolicy(Qt::TabFocus);
    // The action's text without the mnemonic marker, as a screen reader should say it.
    button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
}

} // namespace mp2p

#pragma once

#include <QToolBar>

namespace mp2p {

// A QToolBar whose buttons take Tab focus and carry their action's name for screen readers.
// Qt gives toolbar buttons Qt::NoFocus, so a keyboard-only user could reach their actions only
// through menus and shortcuts; here every button is a stop in the Tab chain like any other.
class KeyboardToolBar : public QToolBar {
    Q_OBJECT
public:
    explicit KeyboardToolBar(const QString &title, QWidget *parent = nullptr);

protected:
    void actionEvent(QActionEvent *event) override;

private:
    void makeReachable(QAction *action);
};

} // namespace mp2p

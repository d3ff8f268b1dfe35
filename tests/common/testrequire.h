// A test that cannot run its prerequisites must not report "Passed".
//
//   MP2P_REQUIRE(condition, "what is missing and how to get it");
//
// Under CI (the environment variable CI set to anything but "", "false" or "0") a missing
// prerequisite fails the test: the CI box is expected to have everything. Elsewhere the function
// is skipped (QSKIP) and the skip is counted, so the process exits with kSkipExitCode instead of 0;
// mp2p_add_test maps that code to ctest's "Not Run (Skipped)". Qt Test alone exits 0 when every
// function skips, even when initTestCase skipped, so the count is what carries it to ctest.
//
// A file that uses MP2P_REQUIRE must end with MP2P_TEST_MAIN / MP2P_TEST_GUILESS_MAIN instead of
// QTEST_MAIN / QTEST_GUILESS_MAIN: the counter is defined by those macros, so forgetting to
// switch is a link error ("undefined reference to mp2pTestSkipCount"), not a silent pass.
// Like QSKIP and QFAIL, MP2P_REQUIRE returns from the enclosing void function.
#pragma once

#include <QByteArray>
#include <QString>
#include <QTest>

int &mp2pTestSkipCount();

namespace mp2p::test {

inline constexpr int kSkipExitCode = 77;

inline bool underCi()
{
    const QByteArray ci = qgetenv("CI").trimmed().toLower();
    return !ci.isEmpty() && ci != "false" && ci != "0";
}

// What main returns: Qt Test's failure count wins; with none, any recorded skip makes it 77.
inline int exitCode(int qtestResult)
{
    return qtestResult == 0 && mp2pTestSkipCount() > 0 ? kSkipExitCode : qtestResult;
}

inline QString requireText(const char *what) { return QString::fromUtf8(what); }
inline QString requireText(const QString &what) { return what; }

}  // namespace mp2p::test

#define MP2P_REQUIRE(condition, missing)                                                                          \
    do {                                                                                                          \
        if (!(condition)) {                                                                                       \
            const QString mp2pMissing_ = mp2p::test::requireText(missing);                                        \
            if (mp2p::test::underCi())                                                                            \
                QFAIL(qPrintable(QStringLiteral("missing prerequisite, and CI is set so this is a failure: ")     \
                                 + mp2pMissing_));                                                                \
            ++mp2pTestSkipCount();                                                                                \
            QSKIP(qPrintable(QStringLiteral("missing prerequisite: ") + mp2pMissing_));                          \
        }                                                                                                         \
    } while (false)

// Same set-up as Qt's QTEST_MAIN (QTEST_MAIN_SETUP picks QApplication, QGuiApplication or
// QCoreApplication from the Qt modules the file includes) and QTEST_GUILESS_MAIN; only the
// exit code differs.
#define MP2P_TEST_MAIN_WITH_SETUP(TestObject, ...)                                                                 \
    int &mp2pTestSkipCount()                                                                                      \
    {                                                                                                             \
        static int count = 0;                                                                                     \
        return count;                                                                                             \
    }                                                                                                             \
    int main(int argc, char *argv[])                                                                              \
    {                                                                                                             \
        QTest::Internal::callInitMain<TestObject>();                                                              \
        __VA_ARGS__                                                                                               \
        TestObject tc;                                                                                            \
        QTEST_SET_MAIN_SOURCE_PATH                                                                                \
        return mp2p::test::exitCode(QTest::qExec(&tc, argc, argv));                                               \
    }

#define MP2P_TEST_MAIN(TestObject) MP2P_TEST_MAIN_WITH_SETUP(TestObject, QTEST_MAIN_SETUP())
#define MP2P_TEST_GUILESS_MAIN(TestObject) MP2P_TEST_MAIN_WITH_SETUP(TestObject, QTEST_QAPP_SETUP(QCoreApplication))

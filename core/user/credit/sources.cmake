# Contribution receipts over BEP 10 (R10) and their redemption at the PAMS (R2).
target_sources(mp2p_user PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/receiptwire.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receiptexchange.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receiptextension.cpp
  ${CMAKE_CURRENT_LIST_DIR}/receiptbook.cpp
  ${CMAKE_CURRENT_LIST_DIR}/relaydirectory.cpp
  ${CMAKE_CURRENT_LIST_DIR}/contributioncredit.cpp)
# `mp2p credit` and `mp2p volunteer` (core/user/cli, dispatched from climain.cpp).
target_sources(mp2p_cli PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/../cli/creditcommand.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../cli/volunteercommand.cpp)

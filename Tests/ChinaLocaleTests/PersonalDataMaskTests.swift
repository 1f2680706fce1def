import ChinaLocale
import Testing

/// What the public screen shows of a person (个人信息保护法): a family name and part of a phone
/// number, never an identity-card number.
@Suite struct PersonalDataMaskTests {
    @Test func aNameKeepsItsFamilyNameAndAPhoneItsEnds() {
        #expect(PersonalDataMask.name("张建国") == "张**")
        #expect(PersonalDataMask.name("张") == "张*")
        #expect(PersonalDataMask.name("欧阳娜娜") == "欧***")
        #expect(PersonalDataMask.name("") == "")
        #expect(PersonalDataMask.phone("13812345678") == "138****5678")
        #expect(PersonalDataMask.phone("5678") == "**78")
        #expect(PersonalDataMask.phone("") == "")
    }

    @Test func namesInATextAreMaskedLongestFirst() {
        let text = PersonalDataMask.names(["张建", "张建国", "李四", "王"], in: "付张建国劳务费，李四代收；王村")
        #expect(text == "付张**劳务费，李*代收；王村")  // a one-character "name" masks no village
    }

    @Test func anIdentityNumberIsFoundByItsCheckCharacter() {
        #expect(PersonalDataMask.containsIdentityNumber("11010519491231002X"))
        #expect(PersonalDataMask.containsIdentityNumber("户主身份证11010519491231002x，已核"))
        #expect(!PersonalDataMask.containsIdentityNumber("11010519491231002Y"))  // wrong check character
        #expect(!PersonalDataMask.containsIdentityNumber("11010518491231002X"))  // born before 1900
        #expect(!PersonalDataMask.containsIdentityNumber("911010519491231002X"))  // part of a longer number
        #expect(!PersonalDataMask.containsIdentityNumber("合同编号 2026-0001"))
    }
}

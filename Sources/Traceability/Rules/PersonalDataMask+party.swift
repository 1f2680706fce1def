public import ChinaLocale

extension PersonalDataMask {
    /// A party as the public sees it: masked if a natural person.
    public static func party(_ name: String, kind: PartyKind?) -> String {
        kind?.isNaturalPerson == true ? self.name(name) : name
    }
}


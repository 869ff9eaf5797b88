//! The frameworks that questions map to, and the catalogue of codes an author may use.
//!
//! Owns: the list of frameworks (the five key roles, the employer standards, the Professional
//! Capabilities Framework, Care Act wellbeing, the Welsh Act's principles, the conditions for good
//! practice, 4Pi, the Triangle of Care and what service users value) and the parsing of a
//! reference such as `employer:5`.
//! Must not touch: definitions as a whole (validation calls [`lookup`]).

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A reference from a question or section to one element of a framework, written
/// `framework:code`, for example `role:A`, `employer:5` or `pcf:knowledge`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MappingRef(pub String);

impl JsonSchema for MappingRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "MappingRef".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let codes: Vec<String> = FRAMEWORKS
            .iter()
            .flat_map(|f| {
                f.elements
                    .iter()
                    .map(move |(code, _)| format!("{}:{code}", f.key))
            })
            .collect();
        schemars::json_schema!({
            "type": "string",
            "description": "A framework element, written framework:code, for example role:A or employer:5.",
            "enum": codes
        })
    }
}

impl fmt::Display for MappingRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One framework and its elements.
#[derive(Debug, PartialEq, Eq)]
pub struct Framework {
    /// The prefix authors write, for example `employer`.
    pub key: &'static str,
    /// The framework's name.
    pub name: &'static str,
    /// Its elements: the code authors write and the element's name.
    pub elements: &'static [(&'static str, &'static str)],
}

/// Every framework a definition can map to.
pub const FRAMEWORKS: &[Framework] = &[
    Framework {
        key: "role",
        name: "Key roles of social work in adult mental health",
        elements: &[
            ("A", "Access to statutory social care, social work and advice; legal duties; personalised care"),
            ("B", "Recovery and social inclusion with individuals and families"),
            ("C", "Professional leadership where social and family complexity, risk and ambiguity are high"),
            ("D", "Co-productive work with communities, resilience and earlier help"),
            ("E", "Leading the Approved Mental Health Professional workforce"),
        ],
    },
    Framework {
        key: "employer",
        name: "Standards for Employers of Social Workers in England",
        elements: &[
            ("1", "A strong and clear social work framework"),
            ("2", "Workforce planning"),
            ("3", "Safe workloads and case allocation"),
            ("4", "Wellbeing"),
            ("5", "Supervision"),
            ("6", "Continuing professional development"),
            ("7", "Professional registration"),
            ("8", "Strategic partnerships"),
        ],
    },
    Framework {
        key: "condition",
        name: "Conditions for good practice",
        elements: &[
            ("co-production", "Co-production"),
            ("organisational-development", "Organisational development"),
            ("workforce-development", "Workforce development"),
            ("role-clarity", "Role clarity"),
            ("professional-leadership", "Professional leadership"),
        ],
    },
    Framework {
        key: "pcf",
        name: "Professional Capabilities Framework",
        elements: &[
            ("professionalism", "Professionalism"),
            ("values-and-ethics", "Values and ethics"),
            ("diversity-and-equality", "Diversity and equality"),
            ("rights-justice-economic-wellbeing", "Rights, justice and economic wellbeing"),
            ("knowledge", "Knowledge"),
            ("critical-reflection", "Critical reflection and analysis"),
            ("skills-and-interventions", "Skills and interventions"),
            ("contexts-and-organisations", "Contexts and organisations"),
            ("professional-leadership", "Professional leadership"),
        ],
    },
    Framework {
        key: "care-act",
        name: "Care Act 2014 wellbeing",
        elements: &[
            ("dignity", "Personal dignity"),
            ("health", "Physical and mental health and emotional wellbeing"),
            ("protection", "Protection from abuse and neglect"),
            ("control", "Control over day-to-day life"),
            ("participation", "Work, education, training and recreation"),
            ("social-economic", "Social and economic wellbeing"),
            ("relationships", "Domestic, family and personal relationships"),
            ("accommodation", "Suitability of living accommodation"),
            ("contribution", "Contribution to society"),
        ],
    },
    Framework {
        key: "wales",
        name: "Social Services and Well-being (Wales) Act 2014 principles",
        elements: &[
            ("voice-and-control", "Voice and control"),
            ("prevention", "Prevention and early intervention"),
            ("well-being", "Well-being, including securing rights and entitlements"),
            ("co-production", "Co-production"),
            ("multi-agency", "Multi-agency working"),
            ("welsh-language", "Welsh-language services: the active offer"),
        ],
    },
    Framework {
        key: "amhp",
        name: "Approved Mental Health Professional practice",
        elements: &[
            ("approval", "Approval and re-approval by the local authority"),
            ("training", "Annual refresher training"),
            ("service", "A safe, sufficient AMHP service"),
        ],
    },
    Framework {
        key: "4pi",
        name: "4Pi involvement standards",
        elements: &[
            ("principles", "Principles"),
            ("purpose", "Purpose"),
            ("presence", "Presence"),
            ("process", "Process"),
            ("impact", "Impact"),
        ],
    },
    Framework {
        key: "triangle",
        name: "Triangle of Care",
        elements: &[
            ("1", "Carers identified at first contact or as soon as possible"),
            ("2", "Staff are carer aware and trained in engagement"),
            ("3", "Policy and practice on confidentiality and sharing information"),
            ("4", "Defined posts responsible for carers"),
            ("5", "A carer introduction to the service and staff, with information"),
            ("6", "A range of carer support services"),
        ],
    },
    Framework {
        key: "valued",
        name: "What people value in mental health social workers",
        elements: &[
            ("whole-life", "Thinking about my whole life, not just my illness"),
            ("rights", "Protecting my rights and entitlements"),
            ("non-judgemental", "Being non-judgemental"),
            ("access", "Arranging access to other services"),
            ("safeguarding", "Watching for abuse and neglect"),
            ("vulnerability", "Understanding why people become vulnerable"),
            ("beyond-medication", "Ways of helping beyond medication"),
            ("continuity", "A reliable, continuous point of contact"),
            ("fluctuation", "Understanding that difficulties vary over time"),
            ("compassion", "Compassion"),
        ],
    },
    Framework {
        key: "swe",
        name: "Social Work England professional standards",
        elements: &[("feedback", "Using feedback, including from people with lived experience")],
    },
    Framework {
        key: "psw",
        name: "Principal Social Worker role",
        elements: &[
            ("practice-quality", "Leads practice quality, supervision and quality assurance"),
            ("advises-director", "Advises the Director of Adult Social Services"),
            ("authority", "Has authority, time and visibility"),
        ],
    },
];

/// Why a mapping reference is not in the catalogue, with a fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MappingError {
    /// No `framework:code` shape.
    NoPrefix,
    /// The framework prefix is unknown.
    UnknownFramework(String),
    /// The framework is known but the code is not one of its elements.
    UnknownElement(&'static Framework),
}

impl MappingError {
    /// The fix, in words.
    pub fn fix(&self) -> String {
        let keys: Vec<&str> = FRAMEWORKS.iter().map(|f| f.key).collect();
        match self {
            MappingError::NoPrefix => format!(
                "write it as framework:code, for example role:A; the frameworks are: {}",
                keys.join(", ")
            ),
            MappingError::UnknownFramework(key) => format!(
                "`{key}` is not a framework this format knows; use one of: {}",
                keys.join(", ")
            ),
            MappingError::UnknownElement(framework) => {
                let codes: Vec<&str> = framework.elements.iter().map(|(c, _)| *c).collect();
                format!("the codes for {} are: {}", framework.name, codes.join(", "))
            }
        }
    }
}

/// Finds a reference's framework and element name.
pub fn lookup(reference: &MappingRef) -> Result<(&'static Framework, &'static str), MappingError> {
    let (key, code) = reference.0.split_once(':').ok_or(MappingError::NoPrefix)?;
    let framework = FRAMEWORKS
        .iter()
        .find(|f| f.key == key)
        .ok_or_else(|| MappingError::UnknownFramework(key.to_owned()))?;
    framework
        .elements
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| (framework, *name))
        .ok_or(MappingError::UnknownElement(framework))
}

/// A readable description of a reference, for example "Supervision (Standards for Employers…)",
/// or the reference itself when it is not in the catalogue.
pub fn describe(reference: &MappingRef) -> String {
    match lookup(reference) {
        Ok((framework, element)) => format!("{element} ({})", framework.name),
        Err(_) => reference.0.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_references_resolve() {
        let (framework, element) = lookup(&MappingRef("employer:5".into())).unwrap();
        assert_eq!(framework.key, "employer");
        assert_eq!(element, "Supervision");
    }

    #[test]
    fn unknown_references_explain_the_fix() {
        let err = lookup(&MappingRef("pcf:know".into())).unwrap_err();
        assert!(err.fix().contains("knowledge"));
        let err = lookup(&MappingRef("roles:A".into())).unwrap_err();
        assert!(err.fix().contains("role, employer"));
        assert_eq!(
            lookup(&MappingRef("A".into())).unwrap_err(),
            MappingError::NoPrefix
        );
    }
}

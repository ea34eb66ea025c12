package com.powerkg.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskingTest {

	@Test
	void chineseNamesKeepTheFamilyName() {
		assertThat(PersonalDataMasking.maskName("张伟")).isEqualTo("张*");
		assertThat(PersonalDataMasking.maskName("欧阳娜娜")).isEqualTo("欧***");
	}

	@Test
	void longCompanyNamesKeepTheirFirstTwoCharacters() {
		assertThat(PersonalDataMasking.maskName("城西商贸广场有限公司")).isEqualTo("城西********");
	}

	@Test
	void mobileNumbersKeepPrefixAndLastFourDigits() {
		assertThat(PersonalDataMasking.maskPhone("13812345678")).isEqualTo("138****5678");
		assertThat(PersonalDataMasking.maskPhone("95598")).isEqualTo("***98");
	}

	@Test
	void missingValuesStayMissing() {
		assertThat(PersonalDataMasking.maskName(null)).isNull();
		assertThat(PersonalDataMasking.maskPhone("")).isEmpty();
	}

}
